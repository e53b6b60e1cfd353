/**
 * Hybrid logical clocks as fixed-width strings: `wall:counter:device`, wall in base 36 milliseconds and
 * the counter in base 36, both zero-padded, so plain string comparison is the clock order and the device
 * id breaks ties. A device that has seen a clock always issues a later one, whatever its own wall clock
 * says, so machines with skewed clocks cannot reorder edits that followed each other.
 */
export type Hlc = string;

const WALL_WIDTH = 9;
const COUNTER_WIDTH = 4;
const MAX_COUNTER = 36 ** COUNTER_WIDTH - 1;

export interface ClockParts {
  wall: number;
  counter: number;
  device: string;
}

export function formatHlc({ wall, counter, device }: ClockParts): Hlc {
  return `${wall.toString(36).padStart(WALL_WIDTH, '0')}:${counter.toString(36).padStart(COUNTER_WIDTH, '0')}:${device}`;
}

export function parseHlc(hlc: Hlc): ClockParts {
  const [wall = '', counter = '', device = ''] = hlc.split(':');
  return { wall: parseInt(wall, 36), counter: parseInt(counter, 36), device };
}

const HLC_PATTERN = new RegExp(`^[0-9a-z]{${WALL_WIDTH}}:[0-9a-z]{${COUNTER_WIDTH}}:[0-9a-z]{1,32}$`);
export const isHlc = (value: string): boolean => HLC_PATTERN.test(value);

/** One device's clock: `tick` stamps a local event, `observe` takes in a clock read from another device. */
export class HybridClock {
  private last: ClockParts;

  constructor(
    private readonly device: string,
    private readonly now: () => number,
    last?: Hlc,
  ) {
    this.last = last ? { ...parseHlc(last), device } : { wall: 0, counter: 0, device };
  }

  tick(): Hlc {
    const wall = Math.max(this.now(), this.last.wall);
    const counter = wall === this.last.wall ? this.last.counter + 1 : 0;
    this.last = counter > MAX_COUNTER ? { wall: wall + 1, counter: 0, device: this.device } : { wall, counter, device: this.device };
    return formatHlc(this.last);
  }

  observe(remote: Hlc): void {
    const seen = parseHlc(remote);
    if (seen.wall > this.last.wall || (seen.wall === this.last.wall && seen.counter > this.last.counter)) this.last = { wall: seen.wall, counter: seen.counter, device: this.device };
  }

  current(): Hlc {
    return formatHlc(this.last);
  }
}
