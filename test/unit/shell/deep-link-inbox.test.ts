import { describe, expect, it, vi } from 'vitest';
import { deepLinkHandlers } from '../../../electron/core/handlers/deep-link';
import { createDeepLinkInbox, DEEP_LINK_TTL_MS } from '../../../electron/core/deep-link/inbox';
import { parseDeepLink, type DeepLink } from '../../../electron/core/deep-link/parse-deep-link';
import type { AccountSummary } from '../../../shared/accounts';
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
  const addUri = vi.fn(async (_request: { uri: string }) => summary);
  return { inbox, addUri, summary, handlers: deepLinkHandlers(inbox, addUri), advance: (ms: number) => (now += ms) };
}

describe('an account offered by a link', () => {
  it('waits as a preview without its secret until the person accepts it', async () => {
    const { inbox, handlers, addUri } = setup();
    inbox.offer(link('alice'));
    const pending = await handlers['deepLink:pending']({});
    expect(pending).toEqual({ token: 'token-1', issuer: 'ACME', label: 'alice', type: 'totp' });
    expect(JSON.stringify(pending)).not.toContain(SECRET);
    expect(deepLinkCalls['deepLink:pending'].response.parse(pending)).toEqual(pending);
    expect(addUri).not.toHaveBeenCalled();
  });

  it('is saved through accounts:addUri when accepted, exactly once', async () => {
    const { inbox, handlers, addUri, summary } = setup();
    const { token } = inbox.offer(link('alice'));
    await expect(handlers['deepLink:accept']({ token })).resolves.toEqual(summary);
    expect(addUri).toHaveBeenCalledWith({ uri: `otpauth://totp/ACME:alice?secret=${SECRET}&issuer=ACME` });
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
