import { beforeEach, describe, expect, it } from 'vitest';
import { LOGIN, suiteSimulator } from './push-sim';
import { oktaPushState } from '../../sim/okta-push';
import { PushService } from '../../../electron/core/push/push-service';
import { approvalSentence } from '../../../electron/core/push/user-verification';
import { MemoryVault } from '../../unit/accounts/memory-vault';
import { askToConfirm, cibaToken, simChallenge } from './ciba-requester';
import { FakeVerifier } from './fake-verifier';

const env = suiteSimulator();

const pushState = () => oktaPushState(env.sim.state.okta()!);
const signIn = () => ({ kind: 'password' as const, username: LOGIN, password: env.password });

beforeEach(() => {
  pushState().settings.userVerification = 'DISCOURAGED';
  for (const id of [...pushState().enrollments.keys()]) pushState().enrollments.delete(id);
});

async function enrolled(verifier?: FakeVerifier, vault = new MemoryVault()): Promise<PushService> {
  const service = new PushService({ vault, http: { timeoutMs: 5_000 }, ...(verifier ? { verifier } : {}) });
  await service.enrol({ orgUrl: env.sim.okta.url, clientId: env.sim.okta.oidcClientId, signIn: signIn() });
  return service;
}

/** A sign-in challenge under `demand`, polled; returns its id. */
async function pendingUnder(service: PushService, demand: string): Promise<string> {
  await simChallenge(env.sim, { login: LOGIN, userVerification: demand, appInstanceName: 'Payroll' });
  const listed = await service.pollAll();
  const id = listed.at(-1)?.id;
  if (!id) throw new Error('nothing pending');
  return id;
}

/** What the org recorded for a challenge: the device's userConsent and key type. */
const orgRecord = (id: string) => pushState().challenges.get(id)?.response;

describe('enrolling where the org requires user verification', () => {
  it('is refused with one sentence naming the policy when this computer cannot verify the person, before any sign-in', async () => {
    pushState().settings.userVerification = 'REQUIRED';
    const service = new PushService({ vault: new MemoryVault(), http: { timeoutMs: 5_000 } });
    await expect(service.enrol({ orgUrl: env.sim.okta.url, clientId: env.sim.okta.oidcClientId, signIn: signIn() })).rejects.toMatchObject({
      code: 'UNSUPPORTED',
      message: expect.stringMatching(/^The org's policy requires user verification .* so it was not enrolled with .*\.$/),
    });
    expect(service.enrolments()).toEqual([]);
    expect(pushState().enrollments.size).toBe(0);
  });

  it('enrols a second P-256 key (userVerification) where a verifier exists, its private half only in the vault', async () => {
    pushState().settings.userVerification = 'REQUIRED';
    const vault = new MemoryVault();
    const service = await enrolled(new FakeVerifier(), vault);
    const [enrolment] = service.enrolments();
    expect(enrolment?.userVerification).toMatchObject({ kty: 'EC', crv: 'P-256', d: expect.any(String) });
    expect(enrolment?.userVerification?.kid).not.toBe(enrolment?.proofOfPossession.kid);
    const atOrg = pushState().enrollments.get(enrolment?.id ?? '');
    expect(atOrg?.userVerification).toMatchObject({ kid: enrolment?.userVerification?.kid, 'okta:kpr': 'SOFTWARE' });
    expect(atOrg?.userVerification).not.toHaveProperty('d');
  });
});

describe('answering by the challenge’s demand', () => {
  it('REQUIRED: prompts the OS, then answers APPROVED_USER_VERIFICATION signed with the UV key, which the org accepts', async () => {
    const verifier = new FakeVerifier();
    const service = await enrolled(verifier);
    const id = await pendingUnder(service, 'REQUIRED');
    expect(service.willVerify(service.list()[0]!)).toBe(true);
    await expect(service.approve(id)).resolves.toBe('approved');
    expect(verifier.prompts).toEqual([expect.stringContaining('approve the sign-in to Payroll')]);
    expect(orgRecord(id)).toEqual({ userConsent: 'APPROVED_USER_VERIFICATION', keyType: 'userVerification' });
    expect(pushState().challenges.get(id)?.answer).toBe('approved');
  });

  it('REQUIRED, person cancels: CANCELLED_USER_VERIFICATION, and a CIBA requester hears access_denied', async () => {
    pushState().settings.userVerification = 'REQUIRED';
    const verifier = new FakeVerifier();
    const service = await enrolled(verifier);
    const authReqId = await askToConfirm(env.sim, LOGIN, 'Helpdesk call 12');
    const [challenge] = await service.pollAll();
    verifier.next = 'cancelled';
    await expect(service.approve(challenge!.id)).resolves.toBe('verification-cancelled');
    expect(orgRecord(challenge!.id)).toEqual({ userConsent: 'CANCELLED_USER_VERIFICATION', keyType: 'proofOfPossession' });
    expect((await cibaToken(env.sim, authReqId)).error).toBe('access_denied');
    expect(service.list()).toEqual([]);
  });

  it('REQUIRED, no prompt possible now: UV_TEMPORARILY_UNAVAILABLE without showing one; never possible here: UV_PERMANENTLY_UNAVAILABLE', async () => {
    const verifier = new FakeVerifier();
    const vault = new MemoryVault();
    const service = await enrolled(verifier, vault);
    verifier.available = false;
    const now = await pendingUnder(service, 'REQUIRED');
    await expect(service.approve(now)).resolves.toBe('verification-temporarily-unavailable');
    expect(verifier.prompts).toEqual([]);
    expect(orgRecord(now)?.userConsent).toBe('UV_TEMPORARILY_UNAVAILABLE');
    // The same vault opened where no verifier exists (the CLI, or a Linux machine).
    const elsewhere = new PushService({ vault, http: { timeoutMs: 5_000 } });
    const never = await pendingUnder(elsewhere, 'REQUIRED');
    await expect(elsewhere.approve(never)).resolves.toBe('verification-unavailable');
    expect(orgRecord(never)?.userConsent).toBe('UV_PERMANENTLY_UNAVAILABLE');
    expect(approvalSentence('verification-unavailable')).toMatch(/requires user verification .* not approved\.$/);
  });

  it('PREFERRED: the consent prompt without a UV key; the OS prompt with one, falling back to consent when it cannot run', async () => {
    const plain = await enrolled();
    const first = await pendingUnder(plain, 'PREFERRED');
    await expect(plain.approve(first)).resolves.toBe('approved');
    expect(orgRecord(first)).toEqual({ userConsent: 'APPROVED_CONSENT_PROMPT', keyType: 'proofOfPossession' });

    for (const id of [...pushState().enrollments.keys()]) pushState().enrollments.delete(id);
    const verifier = new FakeVerifier();
    const withKey = await enrolled(verifier);
    const second = await pendingUnder(withKey, 'PREFERRED');
    await expect(withKey.approve(second)).resolves.toBe('approved');
    expect(orgRecord(second)?.userConsent).toBe('APPROVED_USER_VERIFICATION');
    verifier.available = false;
    const third = await pendingUnder(withKey, 'PREFERRED');
    await expect(withKey.approve(third)).resolves.toBe('approved');
    expect(orgRecord(third)?.userConsent).toBe('APPROVED_CONSENT_PROMPT');
  });

  it('DISCOURAGED answers with consent even with a UV key, and Deny never prompts', async () => {
    const verifier = new FakeVerifier();
    const service = await enrolled(verifier);
    const approved = await pendingUnder(service, 'DISCOURAGED');
    await expect(service.approve(approved)).resolves.toBe('approved');
    const denied = await pendingUnder(service, 'REQUIRED');
    await expect(service.deny(denied)).resolves.toBe('denied');
    expect(verifier.prompts).toEqual([]);
    expect(orgRecord(approved)?.userConsent).toBe('APPROVED_CONSENT_PROMPT');
    expect(orgRecord(denied)).toEqual({ userConsent: 'DENIED_CONSENT_PROMPT', keyType: 'proofOfPossession' });
  });
});

describe('adding and removing user verification on an existing enrolment', () => {
  it('adds a UV key after one OS prompt (merge patch at the org), then removes it', async () => {
    const vault = new MemoryVault();
    await enrolled(undefined, vault);
    const verifier = new FakeVerifier();
    const service = new PushService({ vault, http: { timeoutMs: 5_000 }, verifier });
    const added = await service.setUserVerification({ orgUrl: env.sim.okta.url, enabled: true, signIn: signIn() });
    expect(verifier.prompts).toHaveLength(1);
    expect(added.userVerification?.d).toBeTypeOf('string');
    expect(pushState().enrollments.get(added.id)?.userVerification?.kid).toBe(added.userVerification?.kid);
    const id = await pendingUnder(service, 'REQUIRED');
    await expect(service.approve(id)).resolves.toBe('approved');
    expect(orgRecord(id)?.keyType).toBe('userVerification');

    const removed = await service.setUserVerification({ orgUrl: env.sim.okta.url, enabled: false, signIn: signIn() });
    expect(removed.userVerification).toBeUndefined();
    expect(service.enrolments()[0]?.userVerification).toBeUndefined();
    expect(pushState().enrollments.get(added.id)?.userVerification).toBeUndefined();
  });

  it('refuses to add one where no verifier exists, and when the OS prompt is cancelled, changing nothing', async () => {
    const vault = new MemoryVault();
    const plain = await enrolled(undefined, vault);
    await expect(plain.setUserVerification({ orgUrl: env.sim.okta.url, enabled: true, signIn: signIn() })).rejects.toMatchObject({ code: 'UNSUPPORTED' });
    const verifier = new FakeVerifier();
    verifier.next = 'cancelled';
    const service = new PushService({ vault, http: { timeoutMs: 5_000 }, verifier });
    await expect(service.setUserVerification({ orgUrl: env.sim.okta.url, enabled: true, signIn: signIn() })).rejects.toThrow('Touch ID did not confirm you');
    expect(service.enrolments()[0]?.userVerification).toBeUndefined();
  });

  it('refuses, before any prompt or sign-in, to add a second one or remove one that is not there', async () => {
    const verifier = new FakeVerifier();
    const service = await enrolled(verifier);
    const signInNever = { kind: 'password' as const, username: LOGIN, password: 'not used' };
    await expect(service.setUserVerification({ orgUrl: env.sim.okta.url, enabled: true, signIn: signInNever })).rejects.toMatchObject({ code: 'DUPLICATE', message: `This computer's enrolment with ${env.sim.okta.url} already has user verification.` });
    const plain = await enrolled(undefined, new MemoryVault());
    await expect(plain.setUserVerification({ orgUrl: env.sim.okta.url, enabled: false, signIn: signInNever })).rejects.toMatchObject({ code: 'NOT_FOUND', message: `This computer's enrolment with ${env.sim.okta.url} has no user verification to remove.` });
    expect(verifier.prompts).toEqual([]);
  });
});
