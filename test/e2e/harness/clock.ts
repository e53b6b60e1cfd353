/** The core's injected clock: fixed unless a test moves it, so codes are predictable. */
export interface HarnessClock {
  now(): number;
  set(ms: number): void;
  advance(ms: number): void;
}

export function fixedClock(start: number): HarnessClock {
  let current = start;
  return {
    now: () => current,
    set: (ms) => {
      current = ms;
    },
    advance: (ms) => {
      current += ms;
    },
  };
}

/** The real clock, for benchmarks that measure live behaviour. */
export function systemClock(): HarnessClock {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    set: (ms) => {
      offset = ms - Date.now();
    },
    advance: (ms) => {
      offset += ms;
    },
  };
}
