import { describe, expect, it } from 'vitest';
import { DEEP_LINK_LIMIT } from '../../../electron/core/deep-link/deep-link-gate';
import { createDeepLinkInbox } from '../../../electron/core/deep-link/inbox';
import { createDeepLinkReceiver } from '../../../electron/core/deep-link/receive-deep-link';

const SECRET = 'JBSWY3DPEHPK3PXP';
const otpauth = (label: string) => `otpauth://totp/ACME:${label}?secret=${SECRET}&issuer=ACME`;
const traykey = (label: string) => `traykey://add?uri=${encodeURIComponent(otpauth(label))}`;

/** The app as the OS sees it: Electron's events go straight to the receiver, as electron/main/main.ts does. */
function app() {
  let now = 1_000_000;
  const inbox = createDeepLinkInbox({ now: () => now });
  const notices: string[] = [];
  let popupShown = 0;
  const receiver = createDeepLinkReceiver({ inbox, now: () => now, notify: (body) => notices.push(body), showPopup: () => (popupShown += 1) });
  return {
    receiver,
    notices,
    popupShown: () => popupShown,
    waiting: () => {
      const shown = inbox.pending()?.shown;
      return shown?.action === 'add' ? shown.preview.label : null;
    },
    dismiss: () => inbox.dismiss(inbox.pending()?.token ?? ''),
    advance: (ms: number) => (now += ms),
  };
}

describe('links the OS hands the app', () => {
  it('offers a link’s account in the popup and pops it, saying nothing else', () => {
    const a = app();
    a.receiver.start(['/usr/bin/traykey']);
    a.receiver.openUrl(traykey('alice'));
    expect(a.waiting()).toBe('alice');
    expect(a.popupShown()).toBe(1);
    expect(a.notices).toEqual([]);
  });

  it('holds links that arrive while the app starts, then takes its own command line first and the rest in order', () => {
    const a = app();
    a.receiver.openUrl(traykey('early'));
    a.receiver.secondLaunch(['/usr/bin/traykey', traykey('second')]);
    expect(a.waiting()).toBeNull();
    expect(a.popupShown()).toBe(0);
    a.receiver.start(['/usr/bin/traykey', '--hidden', otpauth('own')]);
    // One preview at a time: the own link is shown, the two that waited are dropped and the person told once.
    expect(a.waiting()).toBe('own');
    expect(a.popupShown()).toBe(1);
    expect(a.notices).toEqual(['A setup link is already waiting in Traykey: add or dismiss it first; other links are ignored until then.']);
  });

  it('starts quietly when its own command line has no link, and a second launch without one just opens the popup', () => {
    const a = app();
    a.receiver.start(['/usr/bin/traykey', '--hidden']);
    expect(a.popupShown()).toBe(0);
    a.receiver.secondLaunch(['/usr/bin/traykey']);
    expect(a.popupShown()).toBe(1);
    expect(a.waiting()).toBeNull();
    expect(a.notices).toEqual([]);
  });

  it('tells the person why a link cannot be used, without quoting it, and offers nothing', () => {
    const a = app();
    a.receiver.start([]);
    a.receiver.openUrl(`traykey://delete?uri=${encodeURIComponent(otpauth('alice'))}`);
    a.receiver.openUrl(`otpauth://totp/Evil%1B%5B2J:bob?secret=${SECRET}`);
    expect(a.waiting()).toBeNull();
    expect(a.notices).toHaveLength(2);
    expect(a.notices[0]).toMatch(/^This link cannot be opened by Traykey/);
    expect(a.notices.join('\n')).not.toContain(SECRET);
  });

  it('lets a page that fires links in a loop through at most three times a minute, and says so once', () => {
    const a = app();
    a.receiver.start([]);
    const offered: (string | null)[] = [];
    for (let i = 0; i < 50; i += 1) {
      a.receiver.openUrl(traykey(`spam${i}`));
      offered.push(a.waiting());
      a.dismiss();
    }
    expect(offered.filter((label) => label !== null)).toEqual(['spam0', 'spam1', 'spam2']);
    expect(a.popupShown()).toBe(DEEP_LINK_LIMIT.maxLinks);
    expect(a.notices).toEqual(['Too many setup links arrived at once, so Traykey is ignoring them for a minute.']);
    a.advance(DEEP_LINK_LIMIT.windowMs);
    a.receiver.openUrl(traykey('later'));
    expect(a.waiting()).toBe('later');
    expect(a.notices.at(-1)).toBe('Traykey ignored 47 other setup links that arrived while it was busy or too many came at once.');
  });

  it('starts once: a second start neither replays the waiting links nor the command line', () => {
    const a = app();
    a.receiver.start([otpauth('own')]);
    a.dismiss();
    a.receiver.start([otpauth('again')]);
    expect(a.waiting()).toBeNull();
    expect(a.popupShown()).toBe(1);
  });
});
