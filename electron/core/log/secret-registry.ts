/**
 * Secret values this process has seen (account secrets, API tokens, passwords), so that the log
 * redactor can hide them even where no pattern would recognise them. Values are kept only in
 * memory and only for matching; shorter strings are ignored because they would erase ordinary words.
 */
export const MIN_SECRET_LENGTH = 6;

export class SecretRegistry {
  private readonly values = new Set<string>();

  add(value: string | undefined): void {
    if (typeof value === 'string' && value.length >= MIN_SECRET_LENGTH) this.values.add(value);
  }

  /** Longest first, so a secret containing another is hidden whole. */
  list(): string[] {
    return [...this.values].sort((a, b) => b.length - a.length);
  }

  get size(): number {
    return this.values.size;
  }

  clear(): void {
    this.values.clear();
  }
}
