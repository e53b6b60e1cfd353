import type { CliIo } from '../context';

/** All of standard input: the injected reader in tests, else the process's stdin. */
export async function readStdin(io: CliIo): Promise<string> {
  if (io.stdin) return io.stdin();
  if (process.stdin.isTTY) {
    process.stdin.setEncoding('utf8');
    return new Promise((resolve) => process.stdin.once('data', (line: string) => {
      process.stdin.pause();
      resolve(line);
    }));
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
