import { main, type CliIo } from '../../../electron/cli/main';
import { AccountsService } from '../../../electron/core/accounts/accounts-service';
import { Vault } from '../../../electron/core/vault/vault';

const TEST_SCRYPT = { N: 1024, r: 8, p: 1 };
const PASSPHRASE = 'signin-tests';

export interface SigninRun {
  code: number;
  stdout: string;
  stderr: string;
  pauses: number;
  /** Each pause asked for (ms). */
  sleeps: number[];
}

export interface RunOptions {
  stdin: string;
  /** Runs after each pause, with its number (1-based), once the clock has moved. */
  onPause?: (n: number) => Promise<void> | void;
  signal?: AbortSignal;
  env?: Record<string, string>;
  /** How far a pause moves the clock (default: all of it). */
  advance?: (ms: number, n: number) => number;
}

/** The CLI in-process on a shared manual clock (pauses move it) with a passphrase vault in `home` (the suite's temporary folder). */
export function signinHarness(clock: { now(): number; advance(ms: number): void }, home: string) {
  const openVault = () => Vault.open({ home, keySource: { kind: 'passphrase', passphrase: PASSPHRASE }, unsafeTestScrypt: TEST_SCRYPT });
  return {
    async addAccount(issuer: string, label: string, secret: string): Promise<void> {
      const vault = await openVault();
      try {
        await new AccountsService(vault, { now: clock.now }).add({ issuer, label, secret });
      } finally {
        vault.close();
      }
    },
    async run(args: string[], options: RunOptions): Promise<SigninRun> {
      const out: SigninRun = { code: -1, stdout: '', stderr: '', pauses: 0, sleeps: [] };
      const io: CliIo = {
        stdout: (text) => void (out.stdout += text),
        stderr: (text) => void (out.stderr += text),
        env: { TRAYKEY_HOME: home, TRAYKEY_PASSPHRASE: PASSPHRASE, ...options.env },
        stdin: () => Promise.resolve(options.stdin),
        ...(options.signal ? { signal: options.signal } : {}),
      };
      const sleep = async (ms: number, signal?: AbortSignal): Promise<void> => {
        signal?.throwIfAborted();
        out.pauses += 1;
        out.sleeps.push(ms);
        clock.advance(options.advance ? options.advance(ms, out.pauses) : ms);
        await options.onPause?.(out.pauses);
        signal?.throwIfAborted();
      };
      out.code = await main(args, io, { now: clock.now, sleep, openVault });
      return out;
    },
  };
}

export async function postJson(url: string, body: unknown): Promise<number> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  await res.arrayBuffer();
  return res.status;
}
