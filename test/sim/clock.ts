/** Milliseconds since the epoch. Injected so tests move time without sleeping. */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();

/** A clock that scripts can move forward (POST /__sim/clock/advance) on top of the injected one. */
export class AdjustableClock {
  private offsetMs = 0;

  constructor(private readonly base: Clock) {}

  readonly now: Clock = () => this.base() + this.offsetMs;

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
