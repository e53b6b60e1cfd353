import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatKeyUri } from '../../../electron/core/otp/key-uri';
import { decodeMigrationUri } from '../../../electron/core/otp/migration-uri';
import { cliInTempHome } from '../cli/run-cli';
import { readQrHalfBlocks, readQrPng } from './read-qr';

const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const secretFor = (n: number) => `JBSWY3DPEHPK3PXP${'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[n]}AAAAAAAAAAAAAAA`;

describe('traykey qr and traykey transfer (in-process)', () => {
  let cli: Awaited<ReturnType<typeof cliInTempHome>>;
  beforeEach(async () => {
    cli = await cliInTempHome();
  });
  afterEach(() => rm(cli.home, { recursive: true, force: true }));

  const add = async (uri: string) => expect((await cli.run(['add', uri])).code).toBe(0);

  it('writes one account’s QR code to a PNG, readable only by its owner, that reads back as its link', async () => {
    await add(`otpauth://totp/ACME:alice?secret=${SECRET}&issuer=ACME&digits=8`);
    const file = join(cli.home, 'alice.png');
    await writeFile(file, 'an older file anyone could read', { mode: 0o644 });
    const run = await cli.run(['qr', 'alice', '--out', file]);
    expect(run).toEqual({ code: 0, stdout: `Wrote the QR code of ACME (alice) to ${file}; it holds the secret, so delete it once scanned.\n`, stderr: '' });
    expect(readQrPng(await readFile(file))).toBe(formatKeyUri({ issuer: 'ACME', label: 'alice', type: 'totp', secret: SECRET, algorithm: 'SHA1', digits: 8, period: 30 }));
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('draws the QR code in the terminal with half blocks when no file is given', async () => {
    await add(`otpauth://totp/ACME:alice?secret=${SECRET}&issuer=ACME`);
    const run = await cli.run(['qr', 'alice']);
    expect(run.code).toBe(0);
    const [name, ...drawing] = run.stdout.split('\n');
    expect(name).toBe('ACME (alice)');
    expect(readQrHalfBlocks(drawing.join('\n'))).toBe(formatKeyUri({ issuer: 'ACME', label: 'alice', type: 'totp', secret: SECRET, algorithm: 'SHA1', digits: 6, period: 30 }));
  });

  it('exits 1 with one sentence when the query names no account or several', async () => {
    await add(`otpauth://totp/ACME:alice?secret=${SECRET}&issuer=ACME`);
    await add(`otpauth://totp/ACME:bob?secret=${secretFor(1)}&issuer=ACME`);
    expect(await cli.run(['qr', 'nobody'])).toMatchObject({ code: 1, stdout: '' });
    const ambiguous = await cli.run(['qr', 'acme']);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toContain('"acme" matches 2 accounts');
  });

  it('writes every account as numbered Google Authenticator batches that read back as the same accounts', async () => {
    for (let n = 0; n < 11; n++) await add(`otpauth://totp/Corp:user${n}?secret=${secretFor(n)}&issuer=Corp`);
    const dir = join(cli.home, 'out', 'phone');
    const run = await cli.run(['transfer', '--out-dir', dir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Wrote 11 accounts as 2 QR codes');
    expect((await readdir(dir)).sort()).toEqual(['traykey-transfer-1-of-2.png', 'traykey-transfer-2-of-2.png']);
    const batches = await Promise.all([1, 2].map(async (n) => decodeMigrationUri(readQrPng(await readFile(join(dir, `traykey-transfer-${n}-of-2.png`))))));
    expect(batches.map((batch) => [batch.batch.index, batch.batch.size])).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(batches.flatMap((batch) => batch.accounts).map((account) => [account.label, account.secret])).toEqual(Array.from({ length: 11 }, (_, n) => [`user${n}`, secretFor(n)]));
    expect(run.stdout).not.toContain(secretFor(0));
  });

  it('exports only the accounts the queries name', async () => {
    await add(`otpauth://totp/ACME:alice?secret=${SECRET}&issuer=ACME`);
    await add(`otpauth://totp/Other:bob?secret=${secretFor(1)}&issuer=Other`);
    await add(`otpauth://totp/Third:carol?secret=${secretFor(2)}&issuer=Third`);
    const dir = join(cli.home, 'some');
    expect((await cli.run(['transfer', 'carol', 'alice', '--out-dir', dir])).code).toBe(0);
    const exported = decodeMigrationUri(readQrPng(await readFile(join(dir, 'traykey-transfer-1-of-1.png'))));
    expect(exported.accounts.map((account) => account.label)).toEqual(['alice', 'carol']);
  });

  it('leaves out a Steam account, saying which and why, and exports the rest', async () => {
    await add(`otpauth://totp/ACME:alice?secret=${SECRET}&issuer=ACME`);
    await add(`otpauth://steam/Steam:gamer?secret=${secretFor(1)}&issuer=Steam`);
    const dir = join(cli.home, 'partial');
    const run = await cli.run(['transfer', '--out-dir', dir]);
    expect(run).toMatchObject({ code: 0, stderr: 'Left out Steam (gamer): Google Authenticator does not support Steam Guard codes.\n' });
    expect(run.stdout).toContain('Wrote 1 account as 1 QR code');
    const exported = decodeMigrationUri(readQrPng(await readFile(join(dir, 'traykey-transfer-1-of-1.png'))));
    expect(exported.accounts.map((account) => account.label)).toEqual(['alice']);
  });

  it('refuses, writing nothing, when Google Authenticator can hold none of the accounts', async () => {
    await add(`otpauth://steam/Steam:gamer?secret=${secretFor(1)}&issuer=Steam`);
    const dir = join(cli.home, 'refused');
    const run = await cli.run(['transfer', '--out-dir', dir]);
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Google Authenticator cannot hold any of these accounts (Steam (gamer): it does not support Steam Guard codes); export them as a Traykey backup instead.\n',
    });
    await expect(readdir(dir)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('exits 1 when a query matches nothing, and 2 without --out-dir', async () => {
    await add(`otpauth://totp/ACME:alice?secret=${SECRET}&issuer=ACME`);
    expect(await cli.run(['transfer', 'nobody', '--out-dir', join(cli.home, 'x')])).toMatchObject({ code: 1, stderr: 'No account matches "nobody"; run `traykey list` to see them.\n' });
    expect((await cli.run(['transfer'])).code).toBe(2);
  });
});
