import { beforeEach, describe, expect, it } from 'vitest';
import { cliInTempHome } from './run-cli';

// RFC 6238's SHA1 seed; at T = 59 s its 8-digit code is 94287082, its 6-digit code 287082.
const SHA1 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const AT_59 = () => 59_000;

describe('traykey add with a bare setup key', () => {
  let cli: Awaited<ReturnType<typeof cliInTempHome>>;
  beforeEach(async () => {
    cli = await cliInTempHome(AT_59);
  });

  it('adds an account from --issuer, --name and --secret with the chosen digits', async () => {
    expect(await cli.run(['add', '--issuer', 'ACME', '--name', 'alice', '--secret', SHA1.toLowerCase(), '--digits', '8'])).toEqual({ code: 0, stdout: 'Added ACME (alice).\n', stderr: '' });
    expect((await cli.run(['code', 'alice'])).stdout).toBe('94287082\n');
  });

  it('reads the secret from standard input with --secret -', async () => {
    expect((await cli.run(['add', '--name', 'bob', '--secret', '-'], {}, `${SHA1}\n`)).code).toBe(0);
    expect((await cli.run(['code', 'bob'])).stdout).toBe('287082\n');
    expect(await cli.run(['add', '--name', 'carol', '--secret', '-'], {}, '\n')).toMatchObject({ code: 1, stderr: expect.stringContaining('No secret arrived on standard input') });
  });

  it('adds counter-based accounts with --type hotp --counter', async () => {
    expect((await cli.run(['add', '--name', 'vpn', '--secret', SHA1, '--type', 'hotp', '--counter', '5'])).code).toBe(0);
    expect(JSON.parse((await cli.run(['list', '--json'])).stdout)[0]).toMatchObject({ type: 'hotp', counter: 5 });
  });

  it('refuses a link together with a setup key, a missing name, a bad secret and an unknown algorithm', async () => {
    expect(await cli.run(['add', `otpauth://totp/x?secret=${SHA1}`, '--name', 'x', '--secret', SHA1])).toEqual({ code: 2, stdout: '', stderr: 'Give either an otpauth:// link or --name and --secret, not both.\n' });
    expect((await cli.run(['add', '--secret', SHA1])).stderr).toBe('A setup key needs both --name and --secret (or one otpauth:// link instead).\n');
    expect((await cli.run(['add', '--name', 'x', '--secret', 'not base32!'])).code).toBe(1);
    expect((await cli.run(['add', '--name', 'x', '--secret', SHA1, '--algorithm', 'MD5'])).code).toBe(2);
    expect(await cli.run(['add'])).toEqual({ code: 2, stdout: '', stderr: 'Give an otpauth:// link, or a setup key with --name NAME --secret BASE32.\n' });
  });
});

describe('traykey codes and traykey rename', () => {
  let cli: Awaited<ReturnType<typeof cliInTempHome>>;
  beforeEach(async () => {
    cli = await cliInTempHome(AT_59);
    await cli.run(['add', '--issuer', 'ACME', '--name', 'alice', '--secret', SHA1]);
    await cli.run(['add', '--issuer', 'Bank', '--name', 'bob', '--secret', 'JBSWY3DPEHPK3PXP']);
    await cli.run(['add', '--issuer', 'VPN', '--name', 'ops', '--secret', 'MFRGGZDFMZTWQ2LK', '--type', 'hotp', '--counter', '3']);
  });

  it('prints every current code as a table, listing counter-based accounts without advancing them', async () => {
    const run = await cli.run(['codes']);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('ACME (alice)  287082  1 s');
    expect(run.stdout).toContain('VPN (ops)     counter-based: traykey code "ops"');
    expect(JSON.parse((await cli.run(['list', '--json'])).stdout)[2].counter).toBe(3);
  });

  it('prints JSON and narrows with --filter', async () => {
    expect(JSON.parse((await cli.run(['codes', '--json', '--filter', 'acme'])).stdout)).toEqual([{ issuer: 'ACME', label: 'alice', code: '287082', validForSeconds: 1 }]);
    expect(await cli.run(['codes', '--filter', 'nobody'])).toEqual({ code: 0, stdout: '', stderr: 'No account matches "nobody".\n' });
  });

  it('renames the issuer or the name of one account, keeping its codes', async () => {
    expect(await cli.run(['rename', 'alice', '--issuer', 'Acme Corp'])).toEqual({ code: 0, stdout: 'Renamed ACME (alice) to Acme Corp (alice).\n', stderr: '' });
    expect((await cli.run(['rename', 'alice', '--name', 'alice@example.com'])).stdout).toBe('Renamed Acme Corp (alice) to Acme Corp (alice@example.com).\n');
    expect((await cli.run(['code', 'alice@example.com'])).stdout).toBe('287082\n');
    expect((await cli.run(['rename', 'bob'])).stderr).toBe('Say what changes: --issuer ISSUER, --name NAME, or both.\n');
  });
});
