import type { Timers } from '../capabilities';

export interface QuitEvent {
  preventDefault(): void;
}

export interface CloseBeforeQuitOptions {
  /** Stops the core; settles once the clipboard has been cleared (or found changed). */
  close: () => Promise<void>;
  /** Asks the app to quit again, this time for good. */
  quit: () => void;
  /** How long quitting may wait for `close`: a clipboard that never answers must not keep the app alive. */
  limitMs: number;
  timers: Timers;
}

/**
 * A will-quit listener that lets closing finish. Electron ends the process once will-quit's listeners
 * return, but the core closes through promises (Electron 45's clipboard reads and writes are
 * asynchronous), so a copied code would outlive the app. The first will-quit is held back until close
 * settles or `limitMs` passes; then the app quits again and that quit proceeds. Later will-quits while
 * closing are held back too, so close runs once.
 */
export function closeBeforeQuit({ close, quit, limitMs, timers }: CloseBeforeQuitOptions): (event: QuitEvent) => void {
  let state: 'open' | 'closing' | 'closed' = 'open';
  return (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    let handle: unknown;
    const limit = new Promise<void>((resolve) => {
      handle = timers.setTimeout(resolve, limitMs);
    });
    const closed = Promise.resolve()
      .then(close)
      .catch(() => undefined);
    void Promise.race([closed, limit]).then(() => {
      timers.clearTimeout(handle);
      state = 'closed';
      quit();
    });
  };
}
