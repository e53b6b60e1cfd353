import { isAppOrigin } from './app-origin';

/**
 * What the page may ask the browser for: notifications, and only our own page. Everything else
 * (screen capture, which the main process does itself, camera, microphone, geolocation, clipboard
 * reads, USB, MIDI, …) is refused, as is any request from another origin.
 */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['notifications']);

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
