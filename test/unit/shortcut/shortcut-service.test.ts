/**
 * The global shortcut's decisions against a stand-in for the OS: a new shortcut is taken before the
 * old one is given back, a refusal keeps the old one and says why, and a shortcut lost at start is
 * reported rather than dropped in silence.
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/core/ipc/dispatch';
import { createCore } from '../../../electron/core/app-core';
import { Vault } from '../../../electron/core/vault/vault';
import { SettingsStore } from '../../../electron/core/settings/settings-store';
import { ShortcutService } from '../../../electron/core/shortcut/shortcut-service';
import type { EventName } from '../../../shared/ipc';
import { DEFAULT_SHORTCUT } from '../../../shared/shortcut/accelerator';
import { appError } from '../../../shared/errors';
import { FakeGlobalShortcuts } from '../../support/fake-global-shortcuts';
import { tempHome } from '../../support/temp-home';

const J = 'CommandOrControl+Alt+J';

async function started(options: { saved?: string | null; taken?: string[]; settings?: SettingsStore } = {}) {
  const home = await tempHome('shortcut');
  const settings = options.settings ?? new SettingsStore(home);
  if (options.saved !== undefined) await settings.set({ shortcut: options.saved });
  const keys = new FakeGlobalShortcuts();
  for (const accelerator of options.taken ?? []) keys.take(accelerator);
  let presses = 0;
  let changes = 0;
  const service = new ShortcutService({ keys, platform: 'linux', settings, onPress: () => (presses += 1), onChange: () => (changes += 1) });
  const atStart = await service.start();
  return { service, keys, settings, atStart, presses: () => presses, changes: () => changes };
}

describe('the global shortcut', () => {
  it('takes Ctrl+Alt+K at first start, and pressing it anywhere shows the popup', async () => {
    const { atStart, keys, presses } = await started();
    expect(atStart).toEqual({ shortcut: DEFAULT_SHORTCUT, active: DEFAULT_SHORTCUT, problem: null, platform: 'linux' });
    expect(keys.press(DEFAULT_SHORTCUT)).toBe(true);
    expect(presses()).toBe(1);
  });

  it('takes the new keys first and gives the old ones back only after the new ones are saved', async () => {
    const { service, keys, settings } = await started();
    expect(await service.set(J)).toMatchObject({ shortcut: J, active: J, problem: null });
    expect(keys.log).toEqual([`register ${DEFAULT_SHORTCUT}`, `register ${J}`, `unregister ${DEFAULT_SHORTCUT}`]);
    expect(keys.registered).toEqual([J]);
    expect((await settings.get()).shortcut).toBe(J);
  });

  it('keeps the old shortcut when another app holds the new keys, and says so in one sentence', async () => {
    const { service, keys, settings } = await started({ taken: [J] });
    await expect(service.set(J)).rejects.toMatchObject({ code: 'SHORTCUT_TAKEN', message: 'Ctrl+Alt+J is already used by another app. Choose another shortcut.' });
    expect(keys.registered).toEqual([DEFAULT_SHORTCUT]);
    expect(service.status()).toMatchObject({ shortcut: DEFAULT_SHORTCUT, active: DEFAULT_SHORTCUT, problem: null });
    expect((await settings.get()).shortcut).toBe(DEFAULT_SHORTCUT);
  });

  it('refuses keys every app or the system relies on before asking the OS', async () => {
    const { service, keys } = await started();
    await expect(service.set('CommandOrControl+V')).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'shortcut', message: 'Ctrl+V pastes in every app, so Traykey leaves it to them: choose another shortcut.' });
    expect(keys.log).toEqual([`register ${DEFAULT_SHORTCUT}`]);
  });

  it('gives the new keys back and keeps the old ones when the setting cannot be saved', async () => {
    const home = await tempHome('shortcut');
    const settings = new SettingsStore(home);
    const failing = Object.assign(Object.create(settings) as SettingsStore, {
      set: async (change: { shortcut?: string | null }) => {
        if (change.shortcut === J) throw appError('VAULT_IO', 'Traykey could not save its settings.');
        return settings.set(change);
      },
      get: () => settings.get(),
    });
    const { service, keys } = await started({ settings: failing });
    await expect(service.set(J)).rejects.toMatchObject({ code: 'VAULT_IO' });
    expect(keys.log).toEqual([`register ${DEFAULT_SHORTCUT}`, `register ${J}`, `unregister ${J}`]);
    expect(service.status()).toMatchObject({ shortcut: DEFAULT_SHORTCUT, active: DEFAULT_SHORTCUT });
  });

  it('turns off and stays off across a restart, and takes keys again when asked', async () => {
    const { service, keys, settings } = await started();
    expect(await service.set(null)).toEqual({ shortcut: null, active: null, problem: null, platform: 'linux' });
    expect(keys.press(DEFAULT_SHORTCUT)).toBe(false);
    expect((await settings.get()).shortcut).toBeNull();

    const again = await started({ saved: null });
    expect(again.atStart).toMatchObject({ shortcut: null, active: null, problem: null });
    expect(again.keys.log).toEqual([]);
    expect(await again.service.set(DEFAULT_SHORTCUT)).toMatchObject({ active: DEFAULT_SHORTCUT });
  });

  it('reports a saved shortcut another app took before Traykey started, and takes it once that app has let go', async () => {
    const { atStart, service, keys, changes } = await started({ saved: J, taken: [J] });
    expect(atStart).toEqual({ shortcut: J, active: null, problem: 'Ctrl+Alt+J is already used by another app, so Traykey has no shortcut now. Choose another shortcut.', platform: 'linux' });
    expect(changes()).toBe(1);
    keys.release(J);
    expect(await service.set(J)).toEqual({ shortcut: J, active: J, problem: null, platform: 'linux' });
  });

  it('reports a saved shortcut it will not take (edited by hand) instead of taking it', async () => {
    const home = await tempHome('shortcut');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(`${home}/settings.json`, JSON.stringify({ shortcut: 'Control+C' }));
    const { atStart, keys } = await started({ settings: new SettingsStore(home) });
    expect(atStart).toMatchObject({ shortcut: 'Control+C', active: null, problem: 'Ctrl+C copies in every app, so Traykey leaves it to them: choose another shortcut.' });
    expect(keys.log).toEqual([]);
  });

  it('gives its keys back while Settings listens for new ones, and takes them again after', async () => {
    const { service, keys } = await started();
    await service.listen(true);
    expect(keys.press(DEFAULT_SHORTCUT)).toBe(false);
    await service.listen(false);
    expect(keys.registered).toEqual([DEFAULT_SHORTCUT]);

    await service.listen(true);
    expect(await service.set(J)).toMatchObject({ active: J });
    await service.listen(false);
    expect(keys.registered).toEqual([J]);
    expect(keys.log).toEqual([`register ${DEFAULT_SHORTCUT}`, `unregister ${DEFAULT_SHORTCUT}`, `register ${DEFAULT_SHORTCUT}`, `unregister ${DEFAULT_SHORTCUT}`, `register ${J}`]);
  });

  it('keeps the old keys when the new ones are refused while listening, and reports them taken if another app grabbed them meanwhile', async () => {
    const { service, keys } = await started({ taken: [J] });
    await service.listen(true);
    await expect(service.set(J)).rejects.toMatchObject({ code: 'SHORTCUT_TAKEN' });
    await service.listen(false);
    expect(keys.registered).toEqual([DEFAULT_SHORTCUT]);

    await service.listen(true);
    keys.take(DEFAULT_SHORTCUT);
    expect(await service.listen(false)).toMatchObject({ shortcut: DEFAULT_SHORTCUT, active: null, problem: 'Ctrl+Alt+K was taken by another app while Settings listened, so Traykey has no shortcut now. Choose another shortcut.' });
  });

  it('runs two quick changes one after the other, ending with the last', async () => {
    const { service, keys } = await started();
    await Promise.all([service.set(J), service.set('CommandOrControl+Alt+P')]);
    expect(keys.registered).toEqual(['CommandOrControl+Alt+P']);
    expect(keys.log).toEqual([`register ${DEFAULT_SHORTCUT}`, `register ${J}`, `unregister ${DEFAULT_SHORTCUT}`, 'register CommandOrControl+Alt+P', `unregister ${J}`]);
  });
});

describe('the shortcut in the core', () => {
  async function core() {
    const home = await tempHome('shortcut-core');
    const vault = await Vault.open({ home, keySource: { kind: 'passphrase', passphrase: 'correct horse' }, unsafeTestScrypt: { N: 1024, r: 8, p: 1 } });
    const keys = new FakeGlobalShortcuts();
    let shown = true;
    const created = createCore({ vault, home, watchVault: false, windows: { openAdmin: () => undefined, hidePopup: () => undefined, togglePopup: () => shown }, shortcut: { keys, platform: 'darwin' } });
    const events: EventName[] = [];
    for (const name of ['popup:shownByShortcut', 'shortcut:changed'] as const) created.events.on(name, () => events.push(name));
    await created.shortcut?.start();
    return { created, keys, events, hide: () => (shown = false) };
  }

  it('tells the popup it was shown by the shortcut (to focus the search), and not when the shortcut hid it', async () => {
    const { created, keys, events, hide } = await core();
    keys.press(DEFAULT_SHORTCUT);
    hide();
    keys.press(DEFAULT_SHORTCUT);
    expect(events.filter((name) => name === 'popup:shownByShortcut')).toEqual(['popup:shownByShortcut']);
    created.close();
  });

  it('changes the shortcut only through shortcut:set, whose payload the contract checks', async () => {
    const { created } = await core();
    expect(await dispatch(created.handlers, 'settings:set', { shortcut: J } as never)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await dispatch(created.handlers, 'shortcut:set', { accelerator: 'Hyper+Space' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await dispatch(created.handlers, 'shortcut:set', { accelerator: J })).toEqual({ ok: true, value: { shortcut: J, active: J, problem: null, platform: 'darwin' } });
    expect(await dispatch(created.handlers, 'settings:get', {})).toMatchObject({ ok: true, value: { shortcut: J } });
    created.close();
    expect((await created.settings.get()).shortcut).toBe(J);
  });
});
