import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { resolveAppAsset } from '../../core/windows/app-assets';
import { APP_SCHEME } from '../../core/windows/app-origin';
import { CONTENT_SECURITY_POLICY } from '../../core/windows/content-security-policy';

/** Must run before the app is ready: makes app:// a secure, standard origin (like https). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Serves the built renderer folder on app://traykey/, and nothing outside it. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const asset = resolveAppAsset(request.url, rendererDir);
    if (!asset || request.method !== 'GET') return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(asset.path);
      return new Response(body, {
        headers: { 'Content-Type': asset.mimeType, 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
