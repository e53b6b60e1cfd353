/**
 * A virtual clock for the bench: the poll loop's timers and the simulator share it, so an hour of
 * polling runs in seconds while every poll is still a real HTTP exchange with the simulator.
 */
export class VirtualTime {
  now: number;
  private queue: { at: number; run: () => void; id: number }[] = [];
  private nextId = 1;
  private inFlight = 0;

  constructor(start: number) {
    this.now = start;
  }

  readonly timers = {
    setTimeout: (run: () => void, ms: number): unknown => {
      const id = this.nextId++;
      this.queue.push({ at: this.now + Math.max(0, ms), run, id });
      return id;
    },
    clearTimeout: (handle: unknown): void => {
      this.queue = this.queue.filter((timer) => timer.id !== handle);
    },
  };

  /** Waiting inside the HTTP layer (rate gate, retries) moves virtual time instead of real time. */
  readonly sleep = async (ms: number): Promise<void> => {
    this.now += ms;
  };

  /** A fetch that lets the clock know a request is on the wire. */
  wrapFetch(inner: typeof fetch, onResponse: (url: string, response: Response, at: number) => void): typeof fetch {
    return async (input, init) => {
      this.inFlight += 1;
      const at = this.now;
      try {
        const response = await inner(input, init);
        onResponse(String(input), response, at);
        return response;
      } finally {
        this.inFlight -= 1;
      }
    };
  }

  /** Fires timers in order until `end`, letting each poll finish (really) before moving on. */
  async runUntil(end: number, onTick?: (now: number) => void): Promise<void> {
    for (;;) {
      await this.settle();
      this.queue.sort((a, b) => a.at - b.at);
      const next = this.queue[0];
      if (!next || next.at > end) break;
      this.queue.shift();
      this.now = Math.max(this.now, next.at);
      onTick?.(this.now);
      next.run();
    }
    this.now = Math.max(this.now, end);
  }

  /** Quiet means: nothing on the wire and the loop has scheduled its next poll (or 2 s passed). */
  private async settle(): Promise<void> {
    const deadline = Date.now() + 2_000;
    let quietTurns = 0;
    while (Date.now() < deadline && quietTurns < 3) {
      await new Promise((resolve) => setImmediate(resolve));
      quietTurns = this.inFlight === 0 && this.queue.length > 0 ? quietTurns + 1 : 0;
    }
  }
}
