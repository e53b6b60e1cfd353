import { afterEach, describe, expect, it } from 'vitest';
import { connectOktaOrg } from '../../../electron/core/idp/okta/org';
import { OktaAuthnClient } from '../../../electron/core/idp/okta/authn';
import { fakeClock, startScriptedServer } from './scripted-server';

const servers: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

function challenge(base: string, factorResult: string) {
  return {
    stateToken: '00stateTokenValue1234567890',
    status: 'MFA_CHALLENGE',
    factorResult,
    _links: { next: { name: 'poll', href: `${base}/api/v1/authn/factors/opf1/verify`, hints: { allow: ['POST'] } } },
  };
}

describe('Okta push polling', () => {
  it('gives up after maxWait while Okta keeps saying WAITING', async () => {
    let base = '';
    const server = await startScriptedServer(() => ({ status: 200, body: challenge(base, 'WAITING') }));
    servers.push(server);
    base = `${server.url}/okta/acme`;
    const clock = fakeClock();
    const authn = new OktaAuthnClient(connectOktaOrg(base, { now: clock.now, sleep: clock.sleep }).authn);
    const tx = { status: 'MFA_REQUIRED' as const, stateToken: '00stateTokenValue1234567890' };
    const outcome = await authn.verifyPush(tx, { id: 'opf1', factorType: 'push', provider: 'OKTA' }, { intervalMs: 4_000, maxWaitMs: 20_000 });
    expect(outcome.result).toBe('GAVE_UP');
    // One challenge plus one poll per interval inside the 20 s budget.
    expect(server.seen).toHaveLength(6);
    expect(JSON.parse(server.seen[1]!.body)).toEqual({ stateToken: '00stateTokenValue1234567890' });
  });

  it('returns a malformed transaction as a typed error', async () => {
    const server = await startScriptedServer(() => ({ status: 200, body: { status: 'SOMETHING_NEW' } }));
    servers.push(server);
    const authn = new OktaAuthnClient(connectOktaOrg(server.url).authn);
    await expect(authn.primary({ username: 'a', password: 'b' })).rejects.toMatchObject({ code: 'IDP_ERROR', name: 'IdpError' });
  });
});
