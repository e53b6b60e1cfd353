import { main } from '../../../electron/cli/main';
import { createCliContext, type CliDeps, type CliIo } from '../../../electron/cli/context';
import { jsonPolicyFile } from '../../../electron/core/policy/linux-policy-file';
import { Vault } from '../../../electron/core/vault/vault';
import { tempHome } from '../../support/temp-home';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

const TEST_SCRYPT = { N: 1024, r: 8, p: 1 };
const PASSPHRASE = 'pw';

/**
 * A CLI bound to one temporary TRAYKEY_HOME (removed when the test finishes), run in-process with captured output and a cheap KDF; no
 * organisation policy applies unless `policyFile` names one (this machine's own is never read).
 * `context` is the CLI's own context over that folder, and `openVault` opens its vault for an app core beside it.
 */
export async function cliInTempHome(now: () => number = () => 1_700_000_000_000, { policyFile, deps }: { policyFile?: string; deps?: CliDeps } = {}) {
  const home = await tempHome('cli');
  const openVault = (where = home, passphrase = PASSPHRASE) => Vault.open({ home: where, keySource: { kind: 'passphrase', passphrase }, unsafeTestScrypt: TEST_SCRYPT });
  const cliDeps = (extra: CliDeps = {}): CliDeps => ({
    ...deps,
    now,
    policySources: async () => (policyFile ? [jsonPolicyFile(policyFile)] : []),
    openVault: ({ home: where, env: vars }) => openVault(where, vars.TRAYKEY_PASSPHRASE ?? ''),
    ...extra,
  });
  const env = (extra: Record<string, string> = {}) => ({ TRAYKEY_HOME: home, TRAYKEY_PASSPHRASE: PASSPHRASE, ...extra });
  const run = async (args: string[], extraEnv: Record<string, string> = {}, stdin?: string): Promise<CliRun> => {
    let stdout = '';
    let stderr = '';
    const io = {
      stdout: (text: string) => void (stdout += text),
      stderr: (text: string) => void (stderr += text),
      env: env(extraEnv),
      ...(stdin !== undefined ? { stdin: () => Promise.resolve(stdin) } : {}),
    };
    const code = await main(args, io, cliDeps());
    return { code, stdout, stderr };
  };
  const context = (extra: CliDeps = {}, io: Partial<CliIo> = {}) => createCliContext({ stdout: () => {}, stderr: () => {}, env: env(), ...io }, cliDeps(extra));
  return { home, run, context, openVault: () => openVault() };
}
