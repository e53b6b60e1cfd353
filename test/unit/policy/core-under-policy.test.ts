import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channels, type Channel } from '../../../shared/ipc';
import { featureOfChannel, FEATURE_CHANNELS } from '../../../shared/policy/feature-channels';
import { createCore, type Core } from '../../../electron/core/app-core';
import { dispatch } from '../../../electron/core/ipc/dispatch';
import { jsonPolicyFile } from '../../../electron/core/policy/linux-policy-file';
import { PolicyService } from '../../../electron/core/policy/policy-service';
import { Vault } from '../../../electron/core/vault/vault';
import { DEFAULT_SETTINGS } from '../../../electron/core/settings/settings-store';
import { tempHome } from '../../support/temp-home';

const STRICT = join(import.meta.dirname, '../../fixtures/policy/strict.json');
const TEST_SCRYPT = { N: 1024, r: 8, p: 1 };

describe('the core under the strict policy fixture', () => {
  let home: string;
  let core: Core;

  beforeEach(async () => {
    home = await tempHome('policy-core');
    const policy = new PolicyService([jsonPolicyFile(STRICT)]);
    await policy.reload();
    const vault = await Vault.open({ home, keySource: { kind: 'passphrase', passphrase: 'correct horse' }, unsafeTestScrypt: TEST_SCRYPT });
    core = createCore({ vault, home, watchVault: false, policy });
  });
  afterEach(async () => {
    core.close();
  });

  it('refuses every call of a switched-off feature in main, before its handler runs', async () => {
    const guarded = channels.filter((channel) => featureOfChannel(channel) !== undefined);
    expect(guarded).toEqual(expect.arrayContaining(['admin:connect', 'admin:results', 'admin:cleanup', 'confirm:okta', 'transfer:migrationQrs', 'transfer:accountQr', 'accounts:reveal']));
    for (const channel of guarded) {
      const result = await core.handlers[channel]({} as never).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(result, channel).toMatchObject({ code: 'MANAGED_BY_POLICY' });
    }
  });

  it('keeps everything else working', async () => {
    expect(await dispatch(core.handlers, 'accounts:list', {})).toMatchObject({ ok: true });
    expect(await dispatch(core.handlers, 'policy:status', {})).toMatchObject({ ok: true, value: { managed: true, sources: [STRICT], problems: [] } });
  });

  it('refuses to enrol an org the policy does not list for approvals', async () => {
    const result = await dispatch(core.handlers, 'push:enrol', { org: 'https://evil.okta.com', clientId: '0oa1' });
    expect(result).toMatchObject({ ok: false, error: { code: 'MANAGED_BY_POLICY' } });
  });

  it('holds settings to the organisation’s limits and refuses changes past them', async () => {
    expect(await core.settings.get()).toEqual({ ...DEFAULT_SETTINGS, lockAfterMinutes: 2, clipboardClearSeconds: 15, adminArea: false });
    expect(await dispatch(core.handlers, 'settings:set', { lockAfterMinutes: 30 })).toMatchObject({
      ok: false,
      error: { code: 'MANAGED_BY_POLICY', field: 'lockAfterMinutes', message: 'Set by your organisation: the vault locks after at most 2 idle minutes.' },
    });
    expect(await dispatch(core.handlers, 'settings:set', { clipboardClearSeconds: 0 })).toMatchObject({ ok: false, error: { field: 'clipboardClearSeconds' } });
    expect(await dispatch(core.handlers, 'settings:set', { adminArea: true })).toMatchObject({ ok: false, error: { field: 'adminArea' } });
    expect(await dispatch(core.handlers, 'settings:set', { lockAfterMinutes: 1, theme: 'dark' })).toMatchObject({ ok: true, value: { lockAfterMinutes: 1, theme: 'dark' } });
  });
});

describe('the core with no policy', () => {
  it('lets the person set what a policy would limit', async () => {
    const home = await tempHome('policy-core');
    const vault = await Vault.open({ home, keySource: { kind: 'passphrase', passphrase: 'correct horse' }, unsafeTestScrypt: TEST_SCRYPT });
    const core = createCore({ vault, home, watchVault: false });
    try {
      expect(await dispatch(core.handlers, 'settings:set', { lockAfterMinutes: 0, clipboardClearSeconds: 0, adminArea: true })).toMatchObject({ ok: true, value: { lockAfterMinutes: 0, adminArea: true } });
      expect(await dispatch(core.handlers, 'policy:status', {})).toEqual({ ok: true, value: { managed: false, sources: [], policy: {}, problems: [] } });
    } finally {
      core.close();
    }
  });
});

describe('the feature map', () => {
  it('names only calls that exist', () => {
    for (const list of Object.values(FEATURE_CHANNELS)) for (const channel of list) expect(channels).toContain(channel as Channel);
  });
});
