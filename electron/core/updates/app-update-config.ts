import { requireSecureTransport } from '../idp/http/transport-policy';

/**
 * The feed address in app-update.yml, the file electron-builder writes into a packaged app's resources
 * from `publish` (one `url:` line, quoted or not). Undefined when the file names none; a plain-http
 * feed to another machine is refused, so a release built with one never updates from it.
 */
export function feedUrlFromAppUpdateConfig(text: string): string | undefined {
  const line = /^url:[ \t]*(.+?)[ \t]*$/m.exec(text)?.[1];
  if (!line) return undefined;
  const unquoted = line.replace(/^(['"])(.*)\1$/, '$2');
  return requireSecureTransport(unquoted).toString();
}
