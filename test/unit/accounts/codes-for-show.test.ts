import { TOTP, Secret } from 'otpauth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EVENT_PAYLOADS } from '../../../shared/ipc';
import { createCore, type Core } from '../../../electron/core/app-core';
import { Vault } from '../../../electron/core/vault/vault';
import { sendCodesForShow } from '../../../electron/core/accounts/codes-for-show';
import { callThrough } from '../../support/ipc-call';
import { tempHome } from '../../support/temp-home';

// RFC 6238 appendix B: the SHA-1 seed "12345678901234567890", 8 digits, T = 59 s → 94287082.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const TEST_SCRYPT = { N: 1024, r: 8, p: 1 };

describe('codes sent to the popup before main shows it', () => {
  let core: Core;
  let now: number;
  let sent: unknown[];
  const call = callThrough(() => core.handlers);

  beforeEach(async () => {
    const home = await tempHome('codes-for-show');
    const vault = await Vault.open({ home, keySource: { kind: 'passphrase', passphrase: 'correct horse' }, unsafeTestScrypt: TEST_SCRYPT });
    now = 59_000;
    core = createCore({ vault, home, now: () => now, watchVault: false });
    sent = [];
    core.events.on('popup:codes', (payload) => sent.push(payload));
  });

  afterEach(() => core.close());

  it('sends every time-based code at main’s clock of that moment, in the accounts:codes shape, without secrets', async () => {
    const { id } = await call('accounts:add', { issuer: 'RFC', label: 'vector', secret: RFC_SECRET, digits: 8 });
    await call('accounts:add', { issuer: 'Counter', label: 'hotp', secret: 'JBSWY3DPEHPK3PXP', type: 'hotp' });
    now = 61_000;
    core.showingPopup();

    expect(sent).toHaveLength(1);
    const payload = EVENT_PAYLOADS['popup:codes'].parse(sent[0]);
    const rfc = (timestamp: number) => new TOTP({ secret: Secret.fromBase32(RFC_SECRET), digits: 8 }).generate({ timestamp });
    expect(payload).toEqual({ now: 61_000, codes: [{ id, code: rfc(61_000), next: rfc(91_000), periodStart: 60_000, period: 30 }] });
    expect(payload).toEqual(await call('accounts:codes', {}));
    expect(JSON.stringify(sent)).not.toContain(RFC_SECRET);
  });

  it('sends nothing when the codes cannot be made, and never keeps the popup from showing', () => {
    const emitted: unknown[] = [];
    const failing = { codes: () => { throw new Error('unreadable account'); } };
    expect(() => sendCodesForShow({ isUnlocked: () => true, accounts: failing, now: () => now, emit: (_event, payload) => emitted.push(payload) })).not.toThrow();
    expect(emitted).toEqual([]);
  });

  it('sends nothing while the vault is locked', async () => {
    await call('accounts:add', { issuer: 'RFC', label: 'vector', secret: RFC_SECRET });
    await core.lock.lock('user');
    core.showingPopup();
    expect(sent).toEqual([]);
  });
});
