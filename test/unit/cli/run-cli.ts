import { main } from '../../../electron/cli/main';
import type { CliDeps } from '../../../electron/cli/context';
import { jsonPolicyFile } from '../../../electron/core/policy/linux-policy-file';
import { Vault } from '../../../electron/core/vault/vault';
import { tempHome } from '../../support/temp-home';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

const TEST_SCRYPT = { N: 1024, r: 8, p: 1 };

/**
 * A CLI bound to one temporary TRAYKEY_HOME (removed when the test finishes), run in-process with captured output and a cheap KDF; no
 * organisation policy applies unless `policyFile` names one (this machine's own is never read).
 */
export async function cliInTempHome(now: () => number = () => 1_700_000_000_000, { policyFile, deps }: { policyFile?: string; deps?: CliDeps } = {}) {
  const home = await tempHome('cli');
  const run = async (args: string[], env: Record<string, string> = {}, stdin?: string): Promise<CliRun> => {
    let stdout = '';
    let stderr = '';
    const io = {
      stdout: (text: string) => void (stdout += text),
      stderr: (text: string) => void (stderr += text),
      env: { TRAYKEY_HOME: home, TRAYKEY_PASSPHRASE: 'pw', ...env },
      ...(stdin !== undefined ? { stdin: () => Promise.resolve(stdin) } : {}),
    };
    const code = await main(args, io, {
      ...deps,
      now,
      policySources: async () => (policyFile ? [jsonPolicyFile(policyFile)] : []),
      openVault: ({ home: where, env: vars }) => Vault.open({ home: where, keySource: { kind: 'passphrase', passphrase: vars.TRAYKEY_PASSPHRASE ?? '' }, unsafeTestScrypt: TEST_SCRYPT }),
    });
    return { code, stdout, stderr };
  };
  return { home, run };
}
