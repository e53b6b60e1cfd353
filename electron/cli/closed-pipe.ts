/**
 * A reader that went away (`traykey list | head -1`) ends the command quietly with exit 0, as Unix tools
 * do, instead of an EPIPE stack trace; any other failure to write is one sentence and exit 1.
 */
export function endQuietlyOnClosedPipe(stream: NodeJS.EventEmitter, name: string, exit: (code: number) => void, stderr: (text: string) => void): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') return exit(0);
    stderr(`Traykey could not write to ${name} (${error.code ?? 'unknown error'}).\n`);
    exit(1);
  });
}
