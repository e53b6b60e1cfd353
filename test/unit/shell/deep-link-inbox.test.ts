import { describe, expect, it, vi } from 'vitest';
import { deepLinkHandlers } from '../../../electron/core/handlers/deep-link';
import { createDeepLinkInbox, DEEP_LINK_TTL_MS } from '../../../electron/core/deep-link/inbox';
import { parseDeepLink, type DeepLink } from '../../../electron/core/deep-link/parse-deep-link';
import type { AccountSummary } from '../../../shared/accounts';
import type { ManagedPolicy } from '../../../shared/policy/policy-schema';
import { deepLinkCalls } from '../../../shared/ipc/deep-link';

const SECRET = 'JBSWY3DPEHPK3PXP';

function link(label: string): DeepLink {
  const result = parseDeepLink(`otpauth://totp/ACME:${label}?secret=${SECRET}&issuer=ACME`);
  if (!result.ok) throw new Error('fixture link did not parse');
  return result.link;
}

function setup() {
  let now = 1_000_000;
  let n = 0;
  const inbox = createDeepLinkInbox({ now: () => now, newToken: () => `token-${++n}` });
  const summary: AccountSummary = { id: 'id1', issuer: 'ACME', label: 'alice', type: 'totp', algorithm: 'SHA1', digits: 6, period: 30, tags: [] };
  const addUri = vi.fn(async (_uri: string) => summary);
  const enrol = vi.fn(async (org: string, _clientId: string) => ({ id: 'e1', org, username: 'ana@acme.com', authenticator: 'Acme Verify', createdAt: now, userVerification: false }));
  let policy: ManagedPolicy = {};
  const handlers = deepLinkHandlers(inbox, { policy: () => policy, addUri, enrol });
  return { inbox, addUri, enrol, summary, handlers, advance: (ms: number) => (now += ms), setPolicy: (next: ManagedPolicy) => (policy = next) };
}

describe('an account offered by a link', () => {
  it('waits as a preview without its secret until the person accepts it', async () => {
    const { inbox, handlers, addUri } = setup();
    inbox.offer(link('alice'));
    const pending = await handlers['deepLink:pending']({});
    expect(pending).toEqual({ kind: 'account', token: 'token-1', issuer: 'ACME', label: 'alice', type: 'totp' });
    expect(JSON.stringify(pending)).not.toContain(SECRET);
    expect(deepLinkCalls['deepLink:pending'].response.parse(pending)).toEqual(pending);
    expect(addUri).not.toHaveBeenCalled();
  });

  it('is saved through accounts:addUri when accepted, exactly once', async () => {
    const { inbox, handlers, addUri, summary } = setup();
    const { token } = inbox.offer(link('alice'));
    await expect(handlers['deepLink:accept']({ token })).resolves.toEqual({ kind: 'account', account: summary });
    expect(addUri).toHaveBeenCalledWith(`otpauth://totp/ACME:alice?secret=${SECRET}&issuer=ACME`);
    await expect(handlers['deepLink:accept']({ token })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(addUri).toHaveBeenCalledTimes(1);
    await expect(handlers['deepLink:pending']({})).resolves.toBeNull();
  });

  it('is forgotten when dismissed', async () => {
    const { inbox, handlers, addUri } = setup();
    const { token } = inbox.offer(link('alice'));
    await handlers['deepLink:dismiss']({ token });
    await expect(handlers['deepLink:pending']({})).resolves.toBeNull();
    await expect(handlers['deepLink:accept']({ token })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(addUri).not.toHaveBeenCalled();
  });

  it('is replaced by a newer link, whose token alone works', async () => {
    const { inbox, handlers } = setup();
    const first = inbox.offer(link('alice'));
    inbox.offer(link('bob'));
    await expect(handlers['deepLink:pending']({})).resolves.toMatchObject({ token: 'token-2', label: 'bob' });
    await expect(handlers['deepLink:accept']({ token: first.token })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await handlers['deepLink:dismiss']({ token: first.token });
    await expect(handlers['deepLink:pending']({})).resolves.toMatchObject({ label: 'bob' });
  });

  it('expires when nobody acts on it', async () => {
    const { inbox, handlers, advance } = setup();
    const { token } = inbox.offer(link('alice'));
    advance(DEEP_LINK_TTL_MS + 1);
    await expect(handlers['deepLink:pending']({})).resolves.toBeNull();
    await expect(handlers['deepLink:accept']({ token })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('approvals set-up offered by a traykey://enrol-push link', () => {
  const setUpLink = (org: string): DeepLink => ({ action: 'enrol-push', org, clientId: '0oa1traykey' });

  it('shows the org by the name the organisation gave it, and enrols only when accepted', async () => {
    const { inbox, handlers, enrol, setPolicy } = setup();
    setPolicy({ pushOrgs: [{ url: 'https://acme.okta.com/', clientId: '0oa1traykey', name: 'Acme' }] });
    const { token } = inbox.offer(setUpLink('https://acme.okta.com'));
    const pending = await handlers['deepLink:pending']({});
    expect(pending).toEqual({ kind: 'enrol-push', token, org: 'https://acme.okta.com', name: 'Acme', refusal: null });
    expect(deepLinkCalls['deepLink:pending'].response.parse(pending)).toEqual(pending);
    expect(enrol).not.toHaveBeenCalled();
    await expect(handlers['deepLink:accept']({ token })).resolves.toMatchObject({ kind: 'enrolment', enrolment: { org: 'https://acme.okta.com' } });
    expect(enrol).toHaveBeenCalledWith('https://acme.okta.com', '0oa1traykey');
  });

  it('shows an unlisted org by its host and, without a policy, may be set up', async () => {
    const { inbox, handlers } = setup();
    inbox.offer(setUpLink('https://other.okta.com'));
    await expect(handlers['deepLink:pending']({})).resolves.toMatchObject({ name: 'other.okta.com', refusal: null });
  });

  it('says why when the policy does not allow the org, as the policy is now', async () => {
    const { inbox, handlers, setPolicy } = setup();
    inbox.offer(setUpLink('https://evil.okta.com'));
    setPolicy({ pushOrgs: [{ url: 'https://acme.okta.com', clientId: '0oa1' }], allowOtherPushOrgs: false });
    await expect(handlers['deepLink:pending']({})).resolves.toMatchObject({ name: 'evil.okta.com', refusal: expect.stringContaining('does not allow') });
  });
});
