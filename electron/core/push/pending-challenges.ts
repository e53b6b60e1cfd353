import type { Timers } from '../capabilities';
import type { VerifiedChallenge } from './challenge';

/**
 * The verified challenges waiting for the person, each dropped on its own when it expires: an
 * expired challenge is never shown and never answered, and nothing is ever answered by timeout.
 */
export class PendingChallenges {
  private readonly items = new Map<string, VerifiedChallenge>();
  private timer: unknown;

  constructor(
    private readonly now: () => number,
    private readonly timers: Timers,
    private readonly onChange: () => void,
  ) {}

  /** True when the challenge is new here. */
  add(challenge: VerifiedChallenge): boolean {
    if (this.items.has(challenge.id) || challenge.expiresAt <= this.now()) return false;
    this.items.set(challenge.id, challenge);
    this.armTimer();
    return true;
  }

  get(id: string): VerifiedChallenge | undefined {
    this.sweep();
    return this.items.get(id);
  }

  remove(id: string): void {
    if (this.items.delete(id)) this.armTimer();
  }

  /** Keeps only the given enrolment's challenges that the org still lists. */
  retain(enrolmentId: string, listed: ReadonlySet<string>): boolean {
    let changed = false;
    for (const [id, challenge] of this.items) {
      if (challenge.enrolmentId === enrolmentId && !listed.has(id)) changed = this.items.delete(id) || changed;
    }
    if (changed) this.armTimer();
    return changed;
  }

  dropEnrolment(enrolmentId: string): void {
    this.retain(enrolmentId, new Set());
  }

  list(): VerifiedChallenge[] {
    this.sweep();
    return [...this.items.values()].sort((a, b) => a.expiresAt - b.expiresAt);
  }

  clear(): void {
    this.items.clear();
    this.cancel();
  }

  cancel(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private sweep(): boolean {
    const now = this.now();
    let changed = false;
    for (const [id, challenge] of this.items) if (challenge.expiresAt <= now) changed = this.items.delete(id) || changed;
    return changed;
  }

  private armTimer(): void {
    this.cancel();
    const next = Math.min(...[...this.items.values()].map((c) => c.expiresAt));
    if (!Number.isFinite(next)) return;
    this.timer = this.timers.setTimeout(
      () => {
        this.timer = undefined;
        if (this.sweep()) this.onChange();
        this.armTimer();
      },
      Math.max(0, next - this.now()),
    );
  }
}
