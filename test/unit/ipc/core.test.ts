import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channels } from '../../../shared/ipc';
import { createCore, type Core } from '../../../electron/core/app-core';
import { Vault } from '../../../electron/core/vault/vault';
import { createDeepLinkInbox } from '../../../electron/core/deep-link/inbox';
import { parseDeepLink } from '../../../electron/core/deep-link/parse-deep-link';
import { FakeClipboard } from '../../support/fake-clipboard';
import { ManualTimers } from '../../support/fake-timers';
import { callThrough } from '../../support/ipc-call';
import { tempHome } from '../../support/temp-home';

const TEST_SCRYPT = { N: 1024, r: 8, p: 1 };
const openVault = (home: string, passphrase = 'correct horse') => Vault.open({ home, keySource: { kind: 'passphrase', passphrase }, unsafeTestScrypt: TEST_SCRYPT });

describe('createCore', () => {
  let home: string;
  let core: Core;
  let clipboard: FakeClipboard;
  let timers: ManualTimers;
  let now: number;

  const call = callThrough(() => core.handlers);

  beforeEach(async () => {
    home = await tempHome('core');
    clipboard = new FakeClipboard();
    timers = new ManualTimers();
    now = 59_000;
    core = createCore({ vault: await openVault(home), home, now: () => now, clipboard, timers, watchVault: false });
  });
  afterEach(async () => {
    core.close();
  });

  it('has a handler for every channel of the contract', () => {
    expect(Object.keys(core.handlers).sort()).toEqual([...channels].sort());
  });

  it('serves every accounts, settings and vault channel itself', () => {
    expect(core.unavailable.filter((channel) => /^(accounts|settings|vault):/.test(channel))).toEqual([]);
  });

  it('opens the Admin window only where there are windows, and only with the Admin area switched on', async () => {
    await expect(call('windows:openAdmin', {})).rejects.toMatchObject({ code: 'UNSUPPORTED' });
    let opened = 0;
    const withWindows = createCore({ vault: await openVault(home), home, watchVault: false, windows: { openAdmin: () => (opened += 1), hidePopup: () => undefined, togglePopup: () => true } });
    const callWindows = callThrough(() => withWindows.handlers);
    try {
      await expect(callWindows('windows:openAdmin', {})).rejects.toMatchObject({ code: 'UNSUPPORTED', message: 'Switch on “Show the Admin area” in Settings to open the Admin window.' });
      expect(opened).toBe(0);
      await callWindows('settings:set', { adminArea: true });
      expect(await callWindows('windows:openAdmin', {})).toEqual({});
      expect(opened).toBe(1);
    } finally {
      withWindows.close();
    }
  });

  it('answers the deep-link calls UNSUPPORTED without an inbox, and serves them from the one registry with one', async () => {
    expect(core.unavailable).toContain('deepLink:accept');
    const inbox = createDeepLinkInbox({ now: () => now });
    const withLinks = createCore({ vault: await openVault(home), home, watchVault: false, deepLinks: inbox });
    try {
      const received: string[] = [];
      withLinks.events.on('deepLink:received', () => received.push('deepLink:received'));
      const parsed = parseDeepLink('otpauth://totp/ACME:alice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=ACME');
      if (!parsed.ok) throw new Error('fixture link did not parse');
      const { token } = inbox.offer(parsed.link);
      expect(received).toEqual(['deepLink:received']);
      expect(withLinks.unavailable).not.toContain('deepLink:accept');
      const added = await withLinks.handlers['deepLink:accept']({ token });
      expect(added.kind === 'account' && [added.account]).toEqual(withLinks.accounts.list());
    } finally {
      withLinks.close();
    }
  });

  it('adds, lists and computes codes through dispatch on the real vault', async () => {
    const added = await call('accounts:addUri', { uri: 'otpauth://totp/ACME:alice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&digits=8&issuer=ACME' });
    expect(await call('accounts:list', {})).toEqual([added]);
    expect(await call('accounts:codes', {})).toEqual({ now: 59_000, codes: [{ id: added.id, code: '94287082', next: '37359152', periodStart: 30_000, period: 30 }] });
    expect((await call('accounts:codes', { at: 1_111_111_109_000 })).codes[0]!.code).toBe('07081804');
  });

  it('applies the measured clock skew to codes', async () => {
    await call('accounts:addUri', { uri: 'otpauth://totp/A:b?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&digits=8' });
    now = 1_111_111_109_000 - 5_000;
    core.clock.setOffset(5_000);
    expect((await call('accounts:codes', {})).codes[0]!.code).toBe('07081804');
  });

  it('copies a code and clears it later only if still there', async () => {
    const { id } = await call('accounts:addUri', { uri: 'otpauth://totp/A:b?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&digits=8' });
    await call('settings:set', { clipboardClearSeconds: 15 });
    expect(await call('accounts:copyCode', { id })).toEqual({ clearsInSeconds: 15 });
    expect(clipboard.current).toBe('94287082');
    await timers.fireAll();
    expect(clipboard.current).toBe('');
  });

  it('emits accounts:changed on local changes', async () => {
    let changes = 0;
    core.events.on('accounts:changed', () => changes++);
    const { id } = await call('accounts:add', { issuer: 'X', label: 'y', secret: 'JBSWY3DPEHPK3PXP' });
    await call('accounts:rename', { id, issuer: 'X', label: 'z' });
    expect(changes).toBe(2);
  });

  it('locks (dropping the key) and unlocks with the passphrase', async () => {
    await call('accounts:add', { issuer: 'X', label: 'y', secret: 'JBSWY3DPEHPK3PXP' });
    expect(await call('vault:status', {})).toEqual({ state: 'unlocked', mode: 'passphrase', path: join(home, 'vault.tkv'), accountCount: 1 });
    expect(await call('vault:lock', {})).toMatchObject({ state: 'locked', accountCount: 0 });
    await expect(call('accounts:list', {})).rejects.toMatchObject({ code: 'VAULT_LOCKED' });
    await expect(call('vault:unlock', { passphrase: 'wrong' })).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    expect(await call('vault:unlock', { passphrase: 'correct horse' })).toMatchObject({ state: 'unlocked', accountCount: 1 });
    expect(await call('accounts:list', {})).toHaveLength(1);
  });

  it('keeps secrets out of every response but reveal', async () => {
    const { id } = await call('accounts:add', { issuer: 'X', label: 'y', secret: 'JBSWY3DPEHPK3PXP' });
    for (const channel of ['accounts:list', 'accounts:codes', 'vault:status', 'settings:get'] as const) {
      expect(JSON.stringify(await call(channel, {}))).not.toContain('JBSWY3DPEHPK3PXP');
    }
    expect((await call('accounts:reveal', { id })).secret).toBe('JBSWY3DPEHPK3PXP');
  });
});

describe('changes by another process', () => {
  it('emits accounts:changed when the CLI saves the vault', async () => {
    const home = await tempHome('watch');
    const core = createCore({ vault: await openVault(home), home });
    const other = createCore({ vault: await openVault(home), home, watchVault: false });
    try {
      const changed = new Promise<void>((resolve) => core.events.on('accounts:changed', () => resolve()));
      await other.accounts.add({ issuer: 'CLI', label: 'added', secret: 'JBSWY3DPEHPK3PXP' });
      await Promise.race([changed, new Promise((_, reject) => setTimeout(() => reject(new Error('no accounts:changed within 5 s')), 5_000))]);
      expect(core.accounts.list().map((a) => a.label)).toEqual(['added']);
    } finally {
      core.close();
      other.close();
    }
  });
});
