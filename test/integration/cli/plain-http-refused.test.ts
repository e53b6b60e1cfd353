import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { adminCli } from '../admin/cli-harness';

/**
 * Issue 12: `admin connect okta --org http://<another machine>` sent the API token in clear. Every
 * command that talks to a server must refuse such an address before any request is made.
 */
const ELSEWHERE = 'http://192.0.2.10';

let fetchSpy: MockInstance<typeof fetch>;
beforeEach(() => {
  fetchSpy = vi.spyOn(globalThis, 'fetch').mockRejectedValue(new Error('the network must not be used'));
});
afterEach(() => vi.restoreAllMocks());

const COMMANDS: { name: string; args: string[]; stdin: string; env?: Record<string, string> }[] = [
  { name: 'admin connect okta', args: ['admin', 'connect', 'okta', '--org', ELSEWHERE], stdin: 'SSWS-api-token\n' },
  { name: 'admin connect auth0', args: ['admin', 'connect', 'auth0', '--domain', ELSEWHERE, '--client-id', 'cid'], stdin: 'client-secret\n' },
  { name: 'signin okta', args: ['signin', 'okta', '--org', ELSEWHERE, '--user', 'bob@example.com'], stdin: 'hunter2\n' },
  { name: 'signin auth0', args: ['signin', 'auth0', '--domain', ELSEWHERE, '--client-id', 'cid', '--user', 'bob'], stdin: 'hunter2\n' },
  { name: 'confirm okta (CIBA)', args: ['confirm', 'okta', '--org', ELSEWHERE, '--user', 'bob@example.com'], stdin: '', env: { OKTA_CLIENT_ID: 'cid', OKTA_CLIENT_SECRET: 'secret' } },
  { name: 'push enroll', args: ['push', 'enroll', '--org', ELSEWHERE, '--client-id', 'cid', '--user', 'bob@example.com'], stdin: 'hunter2\n' },
];

describe('plain http to another machine is refused by every CLI caller, with nothing sent', () => {
  for (const command of COMMANDS) {
    it(command.name, async () => {
      const cli = await adminCli();
      const run = await cli.run(command.args, { stdin: command.stdin, ...(command.env ? { env: command.env } : {}) });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('192.0.2.10');
      expect(run.stderr).toContain('plain http:// only for this computer');
      expect(fetchSpy).not.toHaveBeenCalled();
    });
  }
});
