import type { Clock } from './clock';
import { randomId } from './ids';

export type PushAnswer = 'approve' | 'deny';
export type PushState = 'WAITING' | 'APPROVED' | 'REJECTED' | 'TIMEOUT';

export interface PushTransaction<T> {
  id: string;
  /** Whose phone shows the prompt. */
  userId: string;
  createdAt: number;
  expiresAt: number;
  answer?: PushAnswer;
  /** Provider-specific details (which factor, enrolment or sign-in, …). */
  data: T;
}

/**
 * Pending prompts on users' phones, for both providers. A prompt nobody answers times out by the
 * injected clock, so tests move time instead of sleeping.
 */
export class PushQueue<T> {
  private readonly transactions = new Map<string, PushTransaction<T>>();

  constructor(private readonly clock: Clock, private readonly timeoutMs: () => number) {}

  create(userId: string, data: T): PushTransaction<T> {
    const now = this.clock();
    const tx: PushTransaction<T> = { id: randomId('ptx', 20), userId, createdAt: now, expiresAt: now + this.timeoutMs(), data };
    this.transactions.set(tx.id, tx);
    return tx;
  }

  get(id: string): PushTransaction<T> | undefined {
    return this.transactions.get(id);
  }

  state(tx: PushTransaction<T>): PushState {
    if (tx.answer === 'approve') return 'APPROVED';
    if (tx.answer === 'deny') return 'REJECTED';
    return this.clock() >= tx.expiresAt ? 'TIMEOUT' : 'WAITING';
  }

  /** Answers the user's oldest prompt still waiting; undefined when there is none. */
  answerOldest(userId: string, answer: PushAnswer): PushTransaction<T> | undefined {
    const waiting = [...this.transactions.values()]
      .filter((tx) => tx.userId === userId && this.state(tx) === 'WAITING')
      .sort((a, b) => a.createdAt - b.createdAt);
    const oldest = waiting[0];
    if (oldest) oldest.answer = answer;
    return oldest;
  }

  waitingFor(userId: string): PushTransaction<T>[] {
    return [...this.transactions.values()].filter((tx) => tx.userId === userId && this.state(tx) === 'WAITING');
  }

  delete(id: string): void {
    this.transactions.delete(id);
  }
}
