import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempHome } from '../../support/temp-home';
import { cliInTempHome } from './run-cli';

const STRICT = join(import.meta.dirname, '../../fixtures/policy/strict.json');
const URI = 'otpauth://totp/ACME:alice?secret=JBSWY3DPEHPK3PXP&issuer=ACME';

describe('traykey under an organisation policy', () => {
  const cli = (policyFile?: string) => cliInTempHome(undefined, policyFile ? { policyFile } : {});

  it('refuses switched-off features with the organisation’s sentence, exit 1, before touching anything', async () => {
    const { run } = await cli(STRICT);
    expect(await run(['add', URI])).toMatchObject({ code: 0 });
    for (const args of [['qr', 'alice'], ['transfer', '--out-dir', '/nonexistent'], ['admin', 'okta', 'results', '--org', 'https://acme.okta.com'], ['backup', 'export', '/nonexistent/b.tkb']]) {
      const refused = await run(args);
      expect(refused.code, args.join(' ')).toBe(1);
      expect(refused.stderr, args.join(' ')).toMatch(/is switched off by your organisation \(set by your organisation\)\.\n$/);
      expect(refused.stdout).toBe('');
    }
  });

  it('keeps everyday commands working under the strict policy', async () => {
    const { run } = await cli(STRICT);
    expect(await run(['add', URI])).toMatchObject({ code: 0 });
    expect(await run(['code', 'alice', '--at', '59'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^\d{6}\n$/) });
  });

  it('refuses to enrol an org for approvals that the policy does not list', async () => {
    const { run } = await cli(STRICT);
    const refused = await run(['push', 'enroll', '--org', 'https://evil.okta.com', '--client-id', '0oa1']);
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringMatching(/only for the orgs it set up/) });
  });

  it('shows what is managed, as text and JSON', async () => {
    const { run } = await cli(STRICT);
    const text = await run(['policy']);
    expect(text.stdout).toContain('Set by your organisation: ');
    expect(text.stdout).toContain('switched off: transfer, showSecret, export, backupExport, admin, sync');
    expect(text.stdout).toContain('the vault locks after at most 2 idle minutes');
    expect(JSON.parse((await run(['policy', '--json'])).stdout)).toMatchObject({ managed: true, policy: { maxClipboardClearSeconds: 15 } });
  });

  it('reports a policy that fails validation on stderr and applies what is valid', async () => {
    const dir = await tempHome('policy');
    const file = join(dir, 'policy.json');
    await writeFile(file, JSON.stringify({ disabledFeatures: ['qr-codes', 'transfer'], shiny: true }));
    const { run } = await cli(file);
    expect(await run(['add', URI])).toMatchObject({ code: 0 });
    const refused = await run(['transfer', '--out-dir', dir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Policy: The policy in');
    expect(refused.stderr).toContain('unknown setting "shiny"');
    expect(refused.stderr).toContain('Transfer to a phone is switched off');
  });

  it('with no policy, says so and changes nothing', async () => {
    const { run } = await cli();
    expect(await run(['policy'])).toEqual({ code: 0, stdout: 'No policy from an organisation applies on this computer.\n', stderr: '' });
  });
});
