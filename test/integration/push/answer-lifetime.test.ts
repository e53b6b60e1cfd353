/**
 * An answer to a push challenge that someone holds back (a proxy, a stolen log) must be useless by the
 * time they could replay it: the org allows five minutes for clock differences, and ten minutes after
 * it was signed the simulated org, which checks exp like Okta, refuses it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type SimHandle } from '../../sim';
import { PushService } from '../../../electron/core/push/push-service';
import { signChallengeResponse } from '../../../electron/core/push/response-jwt';
import { thisDevice } from '../../../electron/core/push/device-info';
import { MYACCOUNT_ACCEPT } from '../../../electron/core/push/org-http';
import { MemoryVault } from '../../unit/accounts/memory-vault';
import { LOGIN } from './push-sim';
import { simChallenge } from './ciba-requester';

const HELD_BACK_MS = 600_000;
let offsetMs = 0;
let sim: SimHandle;

beforeAll(async () => {
  sim = await startSimulator({ now: () => Date.now() + offsetMs });
  // The challenge itself outlives the delay, so only the answer's own lifetime can refuse it.
  const settings = await fetch(`${sim.okta.url}/__sim/okta-push/settings`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ challengeTtlSeconds: 3600 }) });
  expect(settings.status).toBe(200);
});

afterAll(async () => {
  await sim.close();
});

/** The answer as the app sends it; a refusal is returned with the org's reason, so a test sees why. */
async function send(verificationUri: string, challengeResponse: string): Promise<string> {
  const response = await fetch(verificationUri, { method: 'POST', headers: { accept: MYACCOUNT_ACCEPT, 'content-type': 'application/json' }, body: JSON.stringify({ method: 'push', challengeResponse }) });
  const body = await response.text();
  return response.status === 200 ? 'approved' : `${response.status} ${body}`;
}

describe('an answer held back', () => {
  it('is refused by the org ten minutes after it was signed, while a fresh answer to the same challenge is accepted', async () => {
    const password = sim.okta.users.find((u) => u.login === LOGIN)?.password ?? '';
    const service = new PushService({ vault: new MemoryVault(), http: { timeoutMs: 5_000 } });
    await service.enrol({ orgUrl: sim.okta.url, clientId: sim.okta.oidcClientId, signIn: { kind: 'password', username: LOGIN, password } });
    await simChallenge(sim, { login: LOGIN, appInstanceName: 'Payroll' });
    const [challenge] = await service.pollAll();
    const [enrolment] = service.enrolments();
    if (!challenge || !enrolment) throw new Error('the simulator sent no challenge');
    const answer = (serverNow: number) => signChallengeResponse({ challenge, enrolment, device: thisDevice(), consent: 'APPROVED_CONSENT_PROMPT', serverNow });

    const heldBack = await answer(Date.now() + offsetMs);
    offsetMs += HELD_BACK_MS;
    expect(await send(challenge.verificationUri, heldBack)).toMatch(/^400 .*signature, audience or lifetime is not valid/);
    expect(await send(challenge.verificationUri, await answer(Date.now() + offsetMs))).toBe('approved');
  });
});
