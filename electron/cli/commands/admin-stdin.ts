import type { CliIo } from '../context';
import { askHidden } from '../hidden-prompt';

/**
 * All of standard input (the injected reader in tests). At a terminal it asks for one line, and
 * unless told otherwise does not echo it: what is read here is mostly a password or a token.
 */
export async function readStdin(io: CliIo, terminal: { hidden: boolean } = { hidden: true }): Promise<string> {
  if (io.stdin) return io.stdin();
  if (process.stdin.isTTY) {
    if (terminal.hidden) return askHidden('(input hidden) ', io.stderr);
    process.stdin.setEncoding('utf8');
    return new Promise((resolve) =>
      process.stdin.once('data', (line: string) => {
        process.stdin.pause();
        resolve(line);
      }),
    );
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
