import { describe, expect, it } from 'vitest';
import type { Settings } from '../../../shared/ipc/settings';
import type { ManagedPolicy } from '../../../shared/policy/policy-schema';
import { DEFAULT_SETTINGS } from '../../../electron/core/settings/settings-store';
import { checkDue, FIRST_CHECK_AFTER_MS, UPDATE_CHECK_EVERY_MS, UpdateService, type Updater } from '../../../electron/core/updates/update-service';
import type { UpdaterEvent } from '../../../electron/core/updates/update-state';
import { updateErrorSentence } from '../../../electron/core/updates/electron-updater-adapter';

function fakeUpdater() {
  let listener: (event: UpdaterEvent) => void = () => undefined;
  const checks: string[] = [];
  let installs = 0;
  const updater: Updater = {
    check: async (channel) => void checks.push(channel),
    quitAndInstall: () => void installs++,
    onEvent: (fn) => void (listener = fn),
  };
  return { updater, checks, send: (event: UpdaterEvent) => listener(event), installs: () => installs };
}

function heldTimers() {
  const due: { run: () => void; ms: number }[] = [];
  return {
    timers: { setTimeout: (run: () => void, ms: number) => due.push({ run, ms }) - 1, clearTimeout: () => undefined },
    delays: () => due.map((timer) => timer.ms),
    fireLast: async () => {
      due.at(-1)?.run();
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

function service(options: { updater?: Updater; settings?: Partial<Settings>; policy?: ManagedPolicy; now?: () => number } = {}) {
  const held = heldTimers();
  const made = new UpdateService({
    ...(options.updater ? { updater: options.updater } : {}),
    settings: async () => ({ ...DEFAULT_SETTINGS, ...options.settings }),
    policy: () => options.policy ?? {},
    timers: held.timers,
    now: options.now ?? (() => 0),
    emit: () => undefined,
  });
  return { made, held };
}

describe('when Traykey checks for updates', () => {
  it('is due first, then every four hours', () => {
    expect(checkDue(0, undefined)).toBe(true);
    expect(checkDue(UPDATE_CHECK_EVERY_MS - 1, 0)).toBe(false);
    expect(checkDue(UPDATE_CHECK_EVERY_MS, 0)).toBe(true);
  });

  it('checks shortly after start on the chosen channel, then every four hours', async () => {
    const fake = fakeUpdater();
    let now = 0;
    const { made, held } = service({ updater: fake.updater, settings: { updateChannel: 'beta' }, now: () => now });
    made.start();
    expect(held.delays()).toEqual([FIRST_CHECK_AFTER_MS]);
    now = FIRST_CHECK_AFTER_MS;
    await held.fireLast();
    expect(fake.checks).toEqual(['beta']);
    expect(held.delays().at(-1)).toBe(UPDATE_CHECK_EVERY_MS);
  });

  it('never checks by itself when the person or the organisation turned checks off', async () => {
    for (const options of [{ settings: { updateChecks: false } }, { policy: { updates: { check: false } } }]) {
      const fake = fakeUpdater();
      const { made, held } = service({ updater: fake.updater, ...options });
      made.start();
      await held.fireLast();
      expect(fake.checks).toEqual([]);
      expect((await made.current()).state).toBe('off');
    }
  });

  it('lets the person check once when they turned checks off, but not when their organisation did', async () => {
    const mine = fakeUpdater();
    await service({ updater: mine.updater, settings: { updateChecks: false } }).made.checkNow();
    expect(mine.checks).toEqual(['latest']);
    const managed = fakeUpdater();
    await expect(service({ updater: managed.updater, policy: { updates: { check: false } } }).made.checkNow()).rejects.toMatchObject({ message: expect.stringMatching(/^Set by your organisation: update checks are off/) });
  });

  it('says so when this copy does not update itself', async () => {
    const { made } = service();
    expect(await made.current()).toEqual({ state: 'unsupported', message: 'This copy of Traykey is not updated by itself: update it the way it was installed.' });
    await expect(made.checkNow()).rejects.toMatchObject({ message: 'This copy of Traykey is not updated by itself: update it the way it was installed.' });
  });
});

describe('what the person is told', () => {
  it('follows the download to "restart to update", and installs only then', async () => {
    const fake = fakeUpdater();
    const { made } = service({ updater: fake.updater });
    expect(() => made.restart()).toThrow('There is no downloaded update to install yet.');
    fake.send({ type: 'checking' });
    fake.send({ type: 'available', version: '1.2.0' });
    fake.send({ type: 'progress', percent: 41.6 });
    expect(await made.current()).toMatchObject({ state: 'downloading', percent: 42, message: 'Downloading Traykey 1.2.0… 42%' });
    fake.send({ type: 'downloaded', version: '1.2.0' });
    fake.send({ type: 'checking' });
    fake.send({ type: 'error', message: 'Traykey could not check for updates; it will try again later.' });
    expect(await made.current()).toEqual({ state: 'ready', version: '1.2.0', message: 'Traykey 1.2.0 is ready: restart to update.' });
    made.restart();
    expect(fake.installs()).toBe(1);
  });

  it('turns electron-updater’s errors into sentences without server text', () => {
    expect(updateErrorSentence(new Error('sha512 checksum mismatch, expected abc, got def'))).toMatch(/did not match its published checksum/);
    expect(updateErrorSentence(Object.assign(new Error('HttpError: 404 Not Found "<html>evil</html>"'), { statusCode: 404 }))).toBe('The update server has no release information for this channel; Traykey will try again later.');
    expect(updateErrorSentence(new Error('New version 1.2.0 is not signed by the application owner: publisherNames: X'))).toMatch(/not signed by Traykey’s publisher/);
    expect(updateErrorSentence(new Error('ECONNRESET \u001b[2J'))).toBe('Traykey could not check for updates; it will try again later.');
  });
});
