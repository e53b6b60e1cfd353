import type { CliIo } from '../context';

/**
 * Runs `work` with a signal that fires on Ctrl-C (the injected `io.signal` in tests, else SIGINT),
 * so a long wait stops between or during polls instead of killing the process mid-request.
 */
export async function withInterrupt<T>(io: CliIo, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  if (io.signal) return work(io.signal);
  const controller = new AbortController();
  const onInterrupt = (): void => controller.abort();
  process.once('SIGINT', onInterrupt);
  try {
    return await work(controller.signal);
  } finally {
    process.off('SIGINT', onInterrupt);
  }
}
