/**
 * One running app for a test: the real core over a real Vault in a temporary TRAYKEY_HOME with the
 * real keychain, served to Chromium by the loopback server. Specs get it through fixtures.ts;
 * benchmarks call startHarness directly.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { EVENTS, type Channel, type RequestOf, type ResponseOf } from '../../../shared/ipc';
import { createCore, type Core } from '../../../electron/core/app-core';
import { dispatch } from '../../../electron/core/ipc/dispatch';
import type { Vault } from '../../../electron/core/vault/vault';
import { attachPage } from './attach-page';
import { fixedClock, systemClock, type HarnessClock } from './clock';
import { FakeClipboard } from '../../support/fake-clipboard';
import { FakeFileDialogs } from '../../support/fake-file-dialogs';
import { FakeGlobalShortcuts } from '../../support/fake-global-shortcuts';
import { openTestVault, recordingKeyStore, type HarnessKeySource } from './test-vault';
import { startHarnessServer, type HarnessServer } from './server';

export type CoreOptions = Parameters<typeof createCore>[0];

export interface HarnessOptions {
  /** The core's clock: a fixed epoch-ms start (tests move it), or 'system' for real time. */
  now?: number | 'system';
  /** Keychain (the default) or passphrase mode. */
  keySource?: HarnessKeySource;
  /** More capabilities for createCore (e.g. a screen source, an identity-provider URL). */
  coreOptions?: (base: { home: string; clock: HarnessClock }) => Partial<CoreOptions>;
  /** The built renderer to serve; defaults to dist/renderer. */
  rendererDir?: string;
  /** Global shortcuts other apps hold before Traykey starts (the OS refuses them to Traykey). */
  shortcutsTaken?: string[];
  /** The vault's earlier life, before the app opens it (e.g. saves, then an older copy put back). */
  beforeOpen?: (open: () => Promise<Vault>, home: string) => Promise<void>;
}

export interface Harness {
  url: string;
  home: string;
  clock: HarnessClock;
  clipboard: FakeClipboard;
  /** The open and save dialogs: set the path the person will choose before the page asks. */
  dialogs: FakeFileDialogs;
  /** The desktop's global shortcuts: `take` keys for another app before the page asks, `press` Traykey's. */
  shortcuts: FakeGlobalShortcuts;
  core: Core;
  vault: Vault;
  server: HarnessServer;
  /** Calls the core as the page would (validated by dispatch); throws on an error, for seeding. */
  call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>>;
  /** Gives a page the bridge; call before its first navigation. */
  attach(page: Page): Promise<void>;
  /**
   * What main does just before it shows the popup (core.showingPopup: the codes of that moment go
   * out as popup:codes), resolving once the page has received them. Headless Chromium cannot show
   * a page, so the caller then tells the page it is visible, as the specs and bench:list emulate it.
   */
  showPopup(page: Page): Promise<void>;
  /** Each time the page asked main to hide the popup (Escape, Enter after a copy), in order. */
  popupHides: number[];
  /** Subscribes to the page asking for the Admin window (the harness has no windows: fixtures.ts opens a second page). */
  onOpenAdmin(listener: () => void): () => void;
  /** Another process's view of the same vault, as the CLI would open it. */
  openSecondCore(): Promise<{ core: Core; vault: Vault; close(): void }>;
  close(): Promise<void>;
}

const DEFAULT_RENDERER = resolve(import.meta.dirname, '../../../dist/renderer');

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const home = await mkdtemp(join(tmpdir(), 'traykey-e2e-'));
  const clock = options.now === 'system' ? systemClock() : fixedClock(options.now ?? Date.UTC(2026, 0, 1));
  const clipboard = new FakeClipboard();
  const dialogs = new FakeFileDialogs();
  const shortcuts = new FakeGlobalShortcuts();
  for (const accelerator of options.shortcutsTaken ?? []) shortcuts.take(accelerator);
  const keySource = options.keySource ?? { kind: 'keychain' };
  const keyStore = recordingKeyStore();
  const adminListeners = new Set<() => void>();
  const popupHides: number[] = [];
  // The page is the popup and stays on screen, so the shortcut always "shows" it.
  const windows = { openAdmin: () => adminListeners.forEach((listener) => listener()), hidePopup: () => void popupHides.push(Date.now()), togglePopup: () => true };

  // The vault keeps the real clock: its cross-process lock times out on it, which a fixed clock would stall.
  // Only the app's own core holds the shortcut; a second one stands for the CLI, which has none.
  const build = async (app: boolean) => {
    const vault = await openTestVault({ home, keySource, keyStore });
    const extra = options.coreOptions?.({ home, clock }) ?? {};
    const core = createCore({ vault, home, now: clock.now, clipboard, dialogs, keyStore, windows, ...(app ? { shortcut: { keys: shortcuts, platform: 'linux' as const } } : {}), ...extra });
    return { vault, core };
  };

  await options.beforeOpen?.(() => openTestVault({ home, keySource, keyStore }), home);
  const { vault, core } = await build(true);
  const server = await startHarnessServer({
    root: options.rendererDir ?? DEFAULT_RENDERER,
    backend: {
      call: (channel, payload, caller) => dispatch(core.handlers, channel, payload, caller),
      onEvent: (listener) => {
        const offs = EVENTS.map((name) => core.events.on(name, (payload) => listener(name, payload)));
        return () => offs.forEach((off) => off());
      },
    },
  });

  const seconds: { close(): void }[] = [];
  return {
    url: `${server.origin}/`,
    home,
    clock,
    clipboard,
    dialogs,
    shortcuts,
    core,
    vault,
    server,
    async call(channel, request) {
      const result = await dispatch(core.handlers, channel, request);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
      return result.value as ResponseOf<typeof channel>;
    },
    attach: (page) => attachPage(page, server),
    async showPopup(page) {
      const received = () => page.evaluate(() => (window as unknown as { __traykeyEventsReceived: Record<string, number> }).__traykeyEventsReceived['popup:codes'] ?? 0);
      const before = await received();
      let sent = false;
      const off = core.events.on('popup:codes', () => (sent = true));
      core.showingPopup();
      off();
      // A locked vault sends nothing: there is nothing to wait for.
      if (sent) await page.waitForFunction((count) => ((window as unknown as { __traykeyEventsReceived: Record<string, number> }).__traykeyEventsReceived['popup:codes'] ?? 0) > count, before);
    },
    popupHides,
    onOpenAdmin(listener) {
      adminListeners.add(listener);
      return () => adminListeners.delete(listener);
    },
    async openSecondCore() {
      const second = await build(false);
      const handle = {
        ...second,
        close() {
          second.core.close();
          second.vault.close();
        },
      };
      seconds.push(handle);
      return handle;
    },
    async close() {
      await server.close();
      for (const second of seconds) second.close();
      core.close();
      vault.close();
      await keyStore.forgetAll();
      await rm(home, { recursive: true, force: true });
    },
  };
}
