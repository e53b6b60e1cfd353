import { isAppOrigin } from './app-origin';

/**
 * What the page may ask the browser for: screen capture (Electron 45 reports getDisplayMedia as
 * `display-capture`), and only our own page; which screen it gets, and when, is decided by the
 * display-media handler (core/qr/screen-shares.ts), which grants nothing the scan route did not offer.
 * Everything else (notifications, which main shows itself, camera, microphone, geolocation, clipboard
 * reads, USB, MIDI, …) is refused, as is any request from another origin.
 */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['display-capture']);

export interface PermissionAsk {
  permission: string;
  /** The origin or URL asking (Electron gives requestingOrigin on checks, requestingUrl on requests). */
  requester: string | undefined;
  isMainFrame: boolean;
  /** For 'media' requests: which kinds were asked for. */
  mediaTypes?: readonly string[];
}

export function isPermissionGranted(ask: PermissionAsk): boolean {
  if (!ask.isMainFrame || !isAppOrigin(ask.requester)) return false;
  return GRANTED_PERMISSIONS.has(ask.permission);
}
