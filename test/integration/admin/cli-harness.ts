import { afterEach, beforeEach } from 'vitest';
import { main } from '../../../electron/cli/main';
import type { CliDeps } from '../../../electron/cli/context';
import { startSimulator, type SimHandle } from '../../sim';
import { Vault } from '../../../electron/core/vault/vault';
import { tempHome } from '../../support/temp-home';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

const PASSPHRASE = 'violet kettle orbits a quiet lantern';
const TEST_SCRYPT = { N: 1024, r: 8, p: 1 };

/** The real `traykey` main() over one temporary TRAYKEY_HOME in passphrase mode (removed when the test finishes), output captured. */
export async function adminCli() {
  const home = await tempHome('admin');
  // Strong enough for the passphrase rule: a CLI started as its own process creates the vault with it.
  const env = { TRAYKEY_HOME: home, TRAYKEY_PASSPHRASE: PASSPHRASE };
  const openVault = () => Vault.open({ home, keySource: { kind: 'passphrase', passphrase: PASSPHRASE }, unsafeTestScrypt: TEST_SCRYPT });
  const run = async (args: string[], extra: { env?: Record<string, string>; stdin?: string; signal?: AbortSignal; clock?: Pick<CliDeps, 'now' | 'sleep'> } = {}): Promise<CliRun> => {
    let stdout = '';
    let stderr = '';
    const io = {
      stdout: (text: string) => void (stdout += text),
      stderr: (text: string) => void (stderr += text),
      env: { ...env, ...extra.env },
      stdin: async () => extra.stdin ?? '',
      ...(extra.signal ? { signal: extra.signal } : {}),
    };
    const code = await main(args, io, { ...extra.clock, openVault: () => openVault() });
    return { code, stdout, stderr };
  };
  return { home, env, run, openVault };
}

export function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** A fresh simulator and CLI home for each test of the file; read them through the getters. */
export function useSimAndCli(): { readonly sim: SimHandle; readonly cli: Awaited<ReturnType<typeof adminCli>>; readonly oktaEnv: Record<string, string> } {
  let sim: SimHandle | undefined;
  let cli: Awaited<ReturnType<typeof adminCli>> | undefined;
  beforeEach(async () => {
    sim = await startSimulator();
    cli = await adminCli();
  });
  afterEach(async () => {
    await sim?.close();
  });
  return {
    get sim() {
      return sim!;
    },
    get cli() {
      return cli!;
    },
    get oktaEnv() {
      return { OKTA_API_TOKEN: sim!.okta.apiToken };
    },
  };
}
