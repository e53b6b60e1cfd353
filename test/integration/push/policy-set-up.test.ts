import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliInTempHome } from '../../unit/cli/run-cli';
import { LOGIN, suiteSimulator } from './push-sim';
import { suiteTempHome } from '../../support/temp-home';

const env = suiteSimulator();
const dir = suiteTempHome('push-policy');

async function policyFile(name: string, value: unknown): Promise<string> {
  const file = join(dir(), name);
  await writeFile(file, JSON.stringify(value));
  return file;
}

describe('approvals set up from the organisation’s policy, in the CLI', () => {
  it('`traykey push enroll` with no org enrols the one org the policy set up', async () => {
    const file = await policyFile('one-org.json', { pushOrgs: [{ url: env.sim.okta.url, clientId: env.sim.okta.oidcClientId, name: 'Acme' }], allowOtherPushOrgs: false });
    const { run } = await cliInTempHome(undefined, { policyFile: file });
    const enrolled = await run(['push', 'enroll', '--user', LOGIN], {}, `${env.password}\n`);
    expect(enrolled).toMatchObject({ code: 0, stdout: `Enrolled this computer with ${env.sim.okta.url} for ${LOGIN}.\n` });
    const removed = await run(['push', 'remove', '--org', env.sim.okta.url, '--user', LOGIN], {}, `${env.password}\n`);
    expect(removed.code).toBe(0);
  });

  it('asks which org when the policy set up several, and refuses an org it does not allow without reading a password', async () => {
    const file = await policyFile('two-orgs.json', { pushOrgs: [{ url: env.sim.okta.url, clientId: 'a' }, { url: 'https://beta.okta.com', clientId: 'b' }], allowOtherPushOrgs: false });
    const { run } = await cliInTempHome(undefined, { policyFile: file });
    const ambiguous = await run(['push', 'enroll', '--user', LOGIN], {}, `${env.password}\n`);
    expect(ambiguous).toMatchObject({ code: 1, stderr: expect.stringContaining(`choose one with --org: ${env.sim.okta.url}, https://beta.okta.com`) });
    const refused = await run(['push', 'enroll', '--org', 'https://evil.okta.com', '--client-id', 'x', '--user', LOGIN], {}, '');
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringMatching(/only for the orgs it set up/) });
  });
});
