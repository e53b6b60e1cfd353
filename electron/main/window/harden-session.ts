/**
 * Applies the security decisions (pure functions beside this file) to the app's session and to
 * the popup's web contents. Wiring only: every choice is made, and tested, elsewhere.
 */
import { shell, type Session, type WebContents } from 'electron';
import { withContentSecurityPolicy } from '../../core/windows/content-security-policy';
import { decideWindowOpen } from '../../core/windows/navigation-policy';
import { isPermissionGranted } from '../../core/windows/permissions';
import { frameKey, isTrustedSender } from '../../core/windows/trusted-sender';
import type { ScreenShares } from '../../core/qr/screen-shares';

export function hardenSession(session: Session, screens: ScreenShares): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted({ permission, requester: details.requestingUrl, isMainFrame: details.isMainFrame }));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionGranted({ permission, requester: requestingOrigin, isMainFrame: details.isMainFrame }),
  );
  session.setDevicePermissionHandler(() => false);
  // A page gets a screen only as the scan route decides (core/qr/screen-shares.ts): after its Scan
  // click asked main for the screens, each once, video only.
  session.setDisplayMediaRequestHandler((request, callback) => {
    const frame = request.frame;
    const video = screens.grant({
      sender: frame ? frameKey(frame) : null,
      trusted: frame !== null && isTrustedSender({ url: frame.url, isMainFrame: frame.parent === null }),
      userGesture: request.userGesture,
      videoRequested: request.videoRequested,
      audioRequested: request.audioRequested,
    });
    callback(video ? { video } : null);
  });
  session.on('will-download', (event) => event.preventDefault());
}

export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url);
    if (decision.openExternally) void shell.openExternal(decision.openExternally);
    return { action: decision.action };
  });
}
