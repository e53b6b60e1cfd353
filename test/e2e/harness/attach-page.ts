import type { Page } from '@playwright/test';
import { channels, EVENTS, methodName } from '../../../shared/ipc';
import { installPageBridge, type PageBridgeConfig } from './page-bridge';
import { HARNESS_SOCKET_PATH } from './protocol';
import type { HarnessServer } from './server';

const TOKEN_BINDING = '__traykeyHarnessToken';

/**
 * Gives a page the harness bridge: a binding that issues one-time socket tokens (only the test
 * process holds the server, so only it can mint them) and the init script that defines
 * `window.traykey` before any renderer code runs, on every navigation and reload.
 */
export async function attachPage(page: Page, server: HarnessServer): Promise<void> {
  await page.exposeBinding(TOKEN_BINDING, () => server.issueToken());
  const config: PageBridgeConfig = {
    methods: channels.map((channel) => [methodName(channel), channel]),
    events: [...EVENTS],
    socketPath: HARNESS_SOCKET_PATH,
    tokenBinding: TOKEN_BINDING,
  };
  // A source string rather than a function: under tsx, esbuild wraps named functions in a
  // `__name` helper that does not exist in the page, so the shim supplies it.
  await page.addInitScript(`(() => { const __name = (target) => target; (${installPageBridge.toString()})(${JSON.stringify(config)}); })();`);
}

/** Content-Security-Policy violations the page reported since it loaded. */
export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => ((window as unknown as { __traykeyCspViolations?: string[] }).__traykeyCspViolations ?? []).slice());
}
