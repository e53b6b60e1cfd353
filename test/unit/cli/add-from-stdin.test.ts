import { rm } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeMigrationUris } from '../../../electron/core/otp/migration-uri';
import { cliInTempHome } from './run-cli';

const LINK = 'otpauth://totp/ACME:alice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&digits=8&issuer=ACME';

describe('traykey add - (the link from standard input)', () => {
  let cli: Awaited<ReturnType<typeof cliInTempHome>>;
  beforeEach(async () => {
    cli = await cliInTempHome(() => 59_000);
  });
  afterEach(() => rm(cli.home, { recursive: true, force: true }));

  it('adds the account whose link is piped in, so the secret never is an argument', async () => {
    expect(await cli.run(['add', '-'], {}, `${LINK}\n`)).toEqual({ code: 0, stdout: 'Added ACME (alice).\n', stderr: '' });
    expect(await cli.run(['code', 'alice', '--at', '59'])).toMatchObject({ code: 0, stdout: '94287082\n' });
  });

  it('takes a Google Authenticator export from standard input too', async () => {
    const [uri] = encodeMigrationUris([{ type: 'totp', issuer: 'B', label: 'bob', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA1', digits: 6, period: 30 }], 7);
    expect(await cli.run(['add', '-'], {}, `${uri ?? ''}\n`)).toMatchObject({ code: 0, stdout: 'Added 1 of 1 accounts.\n' });
  });

  it('says what to do when nothing arrives', async () => {
    const run = await cli.run(['add', '-'], {}, '\n');
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toBe('No otpauth:// link arrived on standard input; pipe it in, e.g. `traykey add - < link.txt`.\n');
  });

  it('explains in --help why a link is better not given as an argument', async () => {
    const help = await cli.run(['add', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('- reads it from standard input');
    expect(help.stdout).toMatch(/show in `ps`[\s\S]*shell history/);
  });
});
