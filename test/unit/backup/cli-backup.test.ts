import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { keepRecoveryCode, recoveryCodeOf } from '../../../electron/core/accounts/recovery-code';
import { accountsIn } from '../../../electron/core/accounts/stored-account';
import { Vault, type VaultDocument } from '../../../electron/core/vault/vault';
import { cliInTempHome } from '../cli/run-cli';
import { aegisEncrypted, aegisEntry, aegisPlain } from './fixtures/foreign-encoders';
import { tempHome } from '../../support/temp-home';

const GITHUB = 'otpauth://totp/GitHub:alice?secret=JBSWY3DPEHPK3PXP&issuer=GitHub';
const VPN = 'otpauth://hotp/VPN:ops?secret=MFRGGZDFMZTWQ2LK&issuer=VPN&counter=4&algorithm=SHA256';
const PASSPHRASE = 'a long backup passphrase';

type Cli = Awaited<ReturnType<typeof cliInTempHome>>;

/** The CLI's vault in `home`, opened as run-cli opens it, for what no command shows (recovery codes). */
async function withCliVault<T>(home: string, run: (vault: Vault) => Promise<T>): Promise<T> {
  const vault = await Vault.open({ home, keySource: { kind: 'passphrase', passphrase: 'pw' }, unsafeTestScrypt: { N: 1024, r: 8, p: 1 } });
  try {
    return await run(vault);
  } finally {
    vault.close();
  }
}

const firstAccountId = (doc: VaultDocument): string => accountsIn(doc)[0]!.id;

describe('traykey backup export / import', () => {
  let dir: string;
  let cli: Cli;
  const file = (name: string) => join(dir, name);
  const listed = async (c: Cli) => JSON.parse((await c.run(['list', '--json'])).stdout) as Array<Record<string, unknown>>;

  beforeEach(async () => {
    dir = await tempHome('backup-cli');
    cli = await cliInTempHome();
    await writeFile(file('pass'), `${PASSPHRASE}\n`);
  });

  it('exports every account to an owner-only file and imports it into another vault', async () => {
    for (const uri of [GITHUB, VPN]) expect((await cli.run(['add', uri])).code).toBe(0);
    const exported = await cli.run(['backup', 'export', file('b.json'), '--backup-passphrase-file', file('pass')]);
    expect(exported).toEqual({ code: 0, stdout: `Exported 2 accounts to ${file('b.json')}.\n`, stderr: '' });
    expect((await stat(file('b.json'))).mode & 0o777).toBe(0o600);
    expect(await readFile(file('b.json'), 'utf8')).not.toContain('JBSWY3DPEHPK3PXP');

    const other = await cliInTempHome();
    const imported = await other.run(['backup', 'import', file('b.json'), '--backup-passphrase-file', file('pass')]);
    expect(imported).toEqual({ code: 0, stdout: 'Imported 2 of 2 accounts from the Traykey backup.\n', stderr: '' });
    expect(await listed(other)).toEqual(await listed(cli).then((all) => all.map((a) => ({ ...a, id: expect.any(String), tags: [] }))));
  });

  it('refuses to overwrite a file without --force, and replaces it with --force', async () => {
    await writeFile(file('b.json'), 'keep me');
    const refused = await cli.run(['backup', 'export', file('b.json'), '--backup-passphrase-file', file('pass')]);
    expect(refused).toEqual({ code: 1, stdout: '', stderr: `${file('b.json')} already exists; add --force to replace it.\n` });
    expect(await readFile(file('b.json'), 'utf8')).toBe('keep me');
    expect((await cli.run(['backup', 'export', file('b.json'), '--force', '--backup-passphrase-file', file('pass')])).code).toBe(0);
    expect(JSON.parse(await readFile(file('b.json'), 'utf8'))).toMatchObject({ format: 'traykey-backup', version: 1 });
  });

  it('asks for --backup-passphrase-file when there is no terminal to ask on', async () => {
    const run = await cli.run(['backup', 'export', file('b.json')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('Give the backup passphrase with --backup-passphrase-file FILE: there is no terminal to ask on.\n');
  });

  it('imports an Aegis export, reporting skipped entries on stderr and saving the rest', async () => {
    const entries = [
      aegisEntry({ type: 'totp', name: 'alice', issuer: 'GitHub', info: { secret: 'JBSWY3DPEHPK3PXP', algo: 'SHA1', digits: 6, period: 30 } }),
      aegisEntry({ type: 'yandex', name: 'y', issuer: 'Yandex', info: { secret: 'JBSWY3DPEHPK3PXP', algo: 'SHA256', digits: 8, period: 30 } }),
    ];
    await writeFile(file('aegis.json'), aegisPlain(entries));
    const run = await cli.run(['backup', 'import', file('aegis.json')]);
    expect(run).toEqual({
      code: 0,
      stdout: 'Imported 1 of 2 accounts from the Aegis export; 1 skipped.\n',
      stderr: 'Skipped entry 2 (Yandex: y): its type "yandex" is not supported (only TOTP, HOTP and Steam are).\n',
    });
    expect((await listed(cli)).map((a) => a.label)).toEqual(['alice']);
  });

  it('changes nothing when the passphrase is wrong', async () => {
    await writeFile(file('enc.json'), aegisEncrypted([aegisEntry({ type: 'totp', name: 'a', issuer: 'B', info: { secret: 'JBSWY3DPEHPK3PXP' } })], 'the real one', { n: 2 ** 10, r: 8, p: 1 }));
    const run = await cli.run(['backup', 'import', file('enc.json'), '--backup-passphrase-file', file('pass')]);
    expect(run).toEqual({ code: 1, stdout: '', stderr: 'The password does not open this Aegis backup. Check it and try again.\n' });
    expect(await listed(cli)).toEqual([]);
  });

  it('skips duplicates by default and replaces them with --on-duplicate replace', async () => {
    expect((await cli.run(['add', GITHUB])).code).toBe(0);
    await writeFile(file('uris.txt'), 'otpauth://totp/GitHub:alice?secret=KRSXG5CTMVRXEZLU&issuer=GitHub&digits=8\nnot a link\n');
    const skipped = await cli.run(['backup', 'import', file('uris.txt')]);
    expect(skipped.stdout).toBe('Imported 0 of 2 accounts from the otpauth:// link list; 2 skipped.\n');
    expect(skipped.stderr).toBe('Skipped line 2: it is not an otpauth:// link.\nNot imported GitHub (alice): an account with the same issuer and name already exists.\n');
    const replaced = await cli.run(['backup', 'import', file('uris.txt'), '--format', 'uris', '--on-duplicate', 'replace']);
    expect(replaced.stdout).toBe('Imported 1 of 2 accounts from the otpauth:// link list (1 replaced existing ones); 1 skipped.\n');
    expect((await listed(cli)).map((a) => a.digits)).toEqual([8]);
  });

  it('rejects an unknown --format or --on-duplicate as a usage error', async () => {
    await writeFile(file('x.txt'), GITHUB);
    expect((await cli.run(['backup', 'import', file('x.txt'), '--format', 'csv'])).code).toBe(2);
    expect((await cli.run(['backup', 'import', file('x.txt'), '--on-duplicate', 'merge'])).code).toBe(2);
  });

  it('says which file cannot be read', async () => {
    const run = await cli.run(['backup', 'import', file('missing.json')]);
    expect(run).toEqual({ code: 1, stdout: '', stderr: `${file('missing.json')} cannot be read (ENOENT).\n` });
  });

  it('carries the recovery code kept with an account into the backup and back, and never prints it', async () => {
    const recovery = 'Q7XK2M9PLW4RT8VN3BHC6YDF';
    expect((await cli.run(['add', GITHUB])).code).toBe(0);
    await withCliVault(cli.home, (vault) => vault.update((doc) => keepRecoveryCode(doc, firstAccountId(doc), recovery)));
    const exported = await cli.run(['backup', 'export', file('b.json'), '--backup-passphrase-file', file('pass')]);
    expect(await readFile(file('b.json'), 'utf8')).not.toContain(recovery);

    const other = await cliInTempHome();
    const imported = await other.run(['backup', 'import', file('b.json'), '--backup-passphrase-file', file('pass')]);
    expect(imported.code).toBe(0);
    const listedRun = await other.run(['list', '--json']);
    for (const run of [exported, imported, listedRun]) expect(`${run.stdout}${run.stderr}`).not.toContain(recovery);
    expect(await withCliVault(other.home, async (vault) => recoveryCodeOf(vault.read(), firstAccountId(vault.read())))).toBe(recovery);
  });

  it('export writes every account in clear for another app, owner-only, says so, and Traykey reads it back', async () => {
    for (const uri of [GITHUB, VPN]) expect((await cli.run(['add', uri])).code).toBe(0);
    const run = await cli.run(['export', '--format', 'aegis', file('aegis.json')]);
    expect(run).toEqual({
      code: 0,
      stdout: `Exported 2 accounts to ${file('aegis.json')}.\n`,
      stderr: `${file('aegis.json')} holds the secrets in clear: anyone who reads it can copy these accounts. Delete it once the other app has imported it.\n`,
    });
    expect((await stat(file('aegis.json'))).mode & 0o777).toBe(0o600);
    expect((await cli.run(['export', '--format', 'uris', file('aegis.json')])).stderr).toBe(`${file('aegis.json')} already exists; add --force to replace it.\n`);
    const other = await cliInTempHome();
    expect((await other.run(['backup', 'import', file('aegis.json')])).stdout).toBe('Imported 2 of 2 accounts from the Aegis export.\n');
    expect(await listed(other)).toEqual(await listed(cli).then((all) => all.map((a) => ({ ...a, id: expect.any(String), tags: [] }))));
  });
});
