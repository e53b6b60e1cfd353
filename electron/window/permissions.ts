import { isAppOrigin } from './app-origin';

/**
 * What the page may ask the browser for: screen capture (to scan a QR code shown on screen) and
 * notifications, and only our own page. Everything else (camera, microphone, geolocation,
 * clipboard reads, USB, MIDI, …) is refused, as is any request from another origin.
 */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['display-capture', 'notifications']);

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

export interface DisplayMediaAsk {
  securityOrigin: string;
  frameUrl: string | null;
  isMainFrame: boolean;
  videoRequested: boolean;
  audioRequested: boolean;
}

/**
 * getDisplayMedia: video of a screen, for our page only, never audio (nothing we do needs to
 * hear the machine).
 */
export function isDisplayMediaAllowed(ask: DisplayMediaAsk): boolean {
  if (!ask.isMainFrame || !ask.videoRequested || ask.audioRequested) return false;
  return isAppOrigin(ask.securityOrigin) && isAppOrigin(ask.frameUrl);
}
