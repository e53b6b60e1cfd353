/**
 * Applies the security decisions (pure functions beside this file) to the app's session and to
 * the popup's web contents. Wiring only: every choice is made, and tested, elsewhere.
 */
import { desktopCapturer, screen, shell, type Session, type WebContents } from 'electron';
import { withContentSecurityPolicy } from './content-security-policy';
import { decideWindowOpen } from './navigation-policy';
import { isDisplayMediaAllowed, isPermissionGranted } from './permissions';
import { pickScreenSource } from './pick-screen-source';

export function hardenSession(session: Session): void {
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
  session.setDisplayMediaRequestHandler(
    (request, callback) => {
      const frame = request.frame;
      const allowed = isDisplayMediaAllowed({
        securityOrigin: request.securityOrigin,
        frameUrl: frame?.url ?? null,
        isMainFrame: frame !== null && frame.parent === null,
        videoRequested: request.videoRequested,
        audioRequested: request.audioRequested,
      });
      if (!allowed) {
        callback(null);
        return;
      }
      const display = screen.getDisplayNearestPoint(screen.getCursorScreenPoint());
      desktopCapturer
        .getSources({ types: ['screen'], thumbnailSize: { width: 0, height: 0 } })
        .then((sources) => {
          const source = pickScreenSource(sources, display.id);
          callback(source ? { video: source } : null);
        })
        .catch(() => callback(null));
    },
    // macOS 15+ shows its own picker, so the user chooses what is shared.
    { useSystemPicker: true },
  );
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
