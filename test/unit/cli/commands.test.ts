import { rm } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeMigrationUris } from '../../../electron/core/otp/migration-uri';
import { cliInTempHome, type CliRun } from './run-cli';

const SHA1 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const SHA256 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA';
const SHA512 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNA';

const oneSentence = (run: CliRun) => {
  expect(run.stderr).toMatch(/^[^\n]+\.\n$/);
  expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/);
};

describe('traykey commands (in-process)', () => {
  let cli: Awaited<ReturnType<typeof cliInTempHome>>;
  beforeEach(async () => {
    cli = await cliInTempHome();
  });
  afterEach(() => rm(cli.home, { recursive: true, force: true }));

  async function addRfcAccounts() {
    for (const [name, secret, algorithm] of [['alice', SHA1, 'SHA1'], ['bob', SHA256, 'SHA256'], ['carol', SHA512, 'SHA512']] as const) {
      expect((await cli.run(['add', `otpauth://totp/ACME:${name}?secret=${secret}&digits=8&issuer=ACME&algorithm=${algorithm}`])).code).toBe(0);
    }
  }

  it('adds a URI and prints the code alone at a given moment', async () => {
    const added = await cli.run(['add', `otpauth://totp/ACME:alice?secret=${SHA1}&digits=8&issuer=ACME`]);
    expect(added).toEqual({ code: 0, stdout: 'Added ACME (alice).\n', stderr: '' });
    expect(await cli.run(['code', 'alice', '--at', '59'])).toEqual({ code: 0, stdout: '94287082\n', stderr: '' });
  });

  it('gives every RFC 6238 row for SHA1, SHA256 and SHA512 accounts', async () => {
    await addRfcAccounts();
    const table: [number, string, string, string][] = [
      [59, '94287082', '46119246', '90693936'],
      [1111111109, '07081804', '68084774', '25091201'],
      [1111111111, '14050471', '67062674', '99943326'],
      [1234567890, '89005924', '91819424', '93441116'],
      [2000000000, '69279037', '90698825', '38618901'],
      [20000000000, '65353130', '77737706', '47863826'],
    ];
    for (const [at, ...codes] of table) {
      for (const [i, name] of ['alice', 'bob', 'carol'].entries()) expect((await cli.run(['code', name, '--at', String(at)])).stdout).toBe(`${codes[i]}\n`);
    }
  });

  it('prints one JSON object with --json', async () => {
    await addRfcAccounts();
    const run = await cli.run(['code', 'bob', '--at', '1111111109', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ issuer: 'ACME', label: 'bob', code: '68084774', validForSeconds: 1, usableInSeconds: 0 });
    expect(JSON.parse((await cli.run(['code', 'bob', '--at', '1111111080', '--json'])).stdout).validForSeconds).toBe(30);
  });

  it('lists the matches on stderr and exits 1 when several accounts match', async () => {
    await addRfcAccounts();
    const run = await cli.run(['code', 'acme']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('ACME (alice)\nACME (bob)\nACME (carol)\n"acme" matches 3 accounts (listed above); use more of the issuer or name.\n');
  });

  it('exits 1 with one sentence when nothing matches', async () => {
    const run = await cli.run(['code', 'nobody']);
    expect(run.code).toBe(1);
    oneSentence(run);
  });

  it('lists accounts as JSON without secrets', async () => {
    await addRfcAccounts();
    const run = await cli.run(['list', '--json']);
    const listed = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(listed.map((a) => a.label)).toEqual(['alice', 'bob', 'carol']);
    expect(listed[0]).toMatchObject({ issuer: 'ACME', type: 'totp', algorithm: 'SHA1', digits: 8, period: 30 });
    expect(run.stdout).not.toContain('GEZDGNBV');
    expect((await cli.run(['list'])).stdout).toBe('ACME (alice)\ttotp, 8 digits, 30 s\nACME (bob)\ttotp, 8 digits, 30 s\nACME (carol)\ttotp, 8 digits, 30 s\n');
  });

  it('says on stderr that there are no accounts yet', async () => {
    expect(await cli.run(['list'])).toEqual({ code: 0, stdout: '', stderr: 'No accounts yet; add one with `traykey add URI`.\n' });
    expect((await cli.run(['list', '--json'])).stdout).toBe('[]\n');
  });

  it('advances and saves an HOTP counter on each code', async () => {
    await cli.run(['add', `otpauth://hotp/Example:h?secret=${SHA1}&counter=4`]);
    expect((await cli.run(['code', 'h'])).stdout).toBe('338314\n');
    expect((await cli.run(['code', 'h', '--json'])).stdout).toBe('{"issuer":"Example","label":"h","code":"254676","validForSeconds":null,"usableInSeconds":null}\n');
    expect(JSON.parse((await cli.run(['list', '--json'])).stdout)[0].counter).toBe(6);
  });

  it('refuses --at for an HOTP account with a sentence, leaving its counter alone', async () => {
    await cli.run(['add', `otpauth://hotp/Example:h?secret=${SHA1}&counter=4`]);
    expect(await cli.run(['code', 'h', '--at', '59'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'Example (h) is counter-based: its codes follow a counter, not the clock, so --at does not apply; its counter was left as it was.\n',
    });
    expect(JSON.parse((await cli.run(['list', '--json'])).stdout)[0].counter).toBe(4);
  });

  it('removes the one account a query names', async () => {
    await addRfcAccounts();
    expect(await cli.run(['remove', 'bob'])).toEqual({ code: 0, stdout: 'Removed ACME (bob).\n', stderr: '' });
    expect((await cli.run(['remove', 'acme'])).code).toBe(1);
    expect(JSON.parse((await cli.run(['list', '--json'])).stdout).map((a: { label: string }) => a.label)).toEqual(['alice', 'carol']);
  });

  it('adds every account of a Google Authenticator export, skipping ones already present', async () => {
    await cli.run(['add', `otpauth://totp/A:one?secret=${SHA1}&issuer=A`]);
    const [uri] = encodeMigrationUris([
      { type: 'totp', issuer: 'A', label: 'one', secret: SHA1, algorithm: 'SHA1', digits: 6, period: 30 },
      { type: 'hotp', issuer: 'B', label: 'two', secret: SHA256, algorithm: 'SHA256', digits: 8, period: 30, counter: 3 },
    ], 7);
    expect(await cli.run(['add', uri!])).toEqual({ code: 0, stdout: 'Added 1 of 2 accounts (1 already present).\n', stderr: '' });
  });

  it.each([
    ['otpauth://totp/x?secret=1', 'secret is not valid base32'],
    ['otpauth://totp/x?secret=JBSWY3DP&digits=9', 'digits must be 6, 7 or 8'],
    ['not a link', 'otpauth://TYPE/LABEL'],
  ])('rejects the malformed URI %s with exit 1 and a sentence', async (uri, says) => {
    const run = await cli.run(['add', uri]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(says);
    oneSentence(run);
  });

  it('refuses a duplicate with exit 1', async () => {
    await cli.run(['add', `otpauth://totp/A:one?secret=${SHA1}`]);
    const run = await cli.run(['add', `otpauth://totp/B:two?secret=${SHA1}`]);
    expect(run.code).toBe(1);
    oneSentence(run);
  });

  it('exits 1 with the vault’s sentence on a wrong passphrase', async () => {
    await cli.run(['add', `otpauth://totp/A:one?secret=${SHA1}`]);
    const run = await cli.run(['list'], { TRAYKEY_PASSPHRASE: 'wrong' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^The passphrase does not open the vault/);
  });
});

describe('usage and help', () => {
  let cli: Awaited<ReturnType<typeof cliInTempHome>>;
  beforeEach(async () => {
    cli = await cliInTempHome();
  });
  afterEach(() => rm(cli.home, { recursive: true, force: true }));

  it.each([[['add']], [['code']], [['remove']], [['frobnicate']], [['list', '--yaml']], [['code', 'x', '--at', 'noon']], [['code', 'x', '--at', '-5']], [[]]])(
    'exits 2 for %j',
    async (args) => {
      const run = await cli.run(args);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
    },
  );

  it.each(['add', 'list', 'code', 'remove'])('shows help for %s and exits 0', async (command) => {
    const run = await cli.run([command, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Usage: traykey ${command}`);
  });

  it('shows the program help', async () => {
    const run = await cli.run(['--help']);
    expect(run.code).toBe(0);
    for (const command of ['add', 'list', 'code', 'remove']) expect(run.stdout).toContain(command);
  });
});
