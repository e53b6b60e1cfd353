import { realTimers, type Clipboard, type Timers } from '../capabilities';

/**
 * Copies codes and clears them again after a delay, but only if the clipboard still holds our code:
 * whatever the user copied since is left alone.
 */
export class ClipboardGuard {
  private pending: { handle: unknown; text: string } | undefined;

  constructor(
    private readonly clipboard: Clipboard,
    private readonly timers: Timers = realTimers,
  ) {}

  /** Writes the text; clears it after `clearAfterSeconds` (0 keeps it). */
  async copy(text: string, clearAfterSeconds: number): Promise<void> {
    this.cancel();
    await this.clipboard.writeText(text);
    this.clearLater(text, clearAfterSeconds);
  }

  /** Clears `text` after `clearAfterSeconds` (0 never) if the clipboard still holds it; the CLI's copy waits here in a helper process. */
  clearLater(text: string, clearAfterSeconds: number): void {
    this.cancel();
    if (clearAfterSeconds <= 0) return;
    const handle = this.timers.setTimeout(() => {
      this.pending = undefined;
      void this.clearIfStill(text);
    }, clearAfterSeconds * 1000);
    this.pending = { handle, text };
  }

  /** Clears at once, if our text is still there (locking the vault, quitting). */
  async flush(): Promise<void> {
    const pending = this.pending;
    this.cancel();
    if (pending) await this.clearIfStill(pending.text);
  }

  /** Stops the pending clear without touching the clipboard. */
  cancel(): void {
    if (this.pending) this.timers.clearTimeout(this.pending.handle);
    this.pending = undefined;
  }

  private async clearIfStill(text: string): Promise<void> {
    try {
      if ((await this.clipboard.readText()) === text) await this.clipboard.writeText('');
    } catch {
      // An unavailable clipboard (the session ended) holds nothing left to protect.
    }
  }
}
