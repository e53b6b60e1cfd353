import type { Clipboard } from '../../electron/core/capabilities';

/** Stands in for the system clipboard so a test can read what the app copied (and cleared). */
export class FakeClipboard implements Clipboard {
  private text = '';
  /** Everything ever written, in order, for tests of clearing. */
  readonly writes: string[] = [];

  /** What the clipboard holds now, read synchronously by tests. */
  get current(): string {
    return this.text;
  }

  async readText(): Promise<string> {
    return this.text;
  }

  async writeText(text: string): Promise<void> {
    this.text = text;
    this.writes.push(text);
  }
}
