import { TOTP, Secret } from 'otpauth';
import { test, expect } from './harness/fixtures';
import { popup } from './harness/popup';
import { testSecret } from './harness/secrets';

const START = 1_000;
const totp = (secret: string, timestamp: number) => new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp });

test.describe('the popup shown after a long hide', () => {
  // The core's clock and the page's clock stand still until the test moves them.
  test.use({ harnessOptions: { now: START } });
  test.beforeEach(async ({ page }) => {
    await page.clock.install({ time: 0 });
    await page.clock.pauseAt(START);
  });

  test('paints the core’s current codes in its first frame, sent by main before the show, without asking for codes', async ({ app, harness }) => {
    const secrets = [testSecret(1), testSecret(2)];
    for (const [index, secret] of secrets.entries()) await harness.call('accounts:add', { issuer: `Issuer ${index}`, label: `user${index}`, secret });
    await app.open();
    const ui = popup(app.page);
    await expect(ui.code('user0')).toHaveText(totp(secrets[0] ?? '', START));
    // Chromium here cannot hide a page, so hiding is told to the page as a hidden Electron window tells it.
    await app.page.evaluate(() => {
      let hidden = false;
      Object.defineProperty(Document.prototype, 'hidden', { configurable: true, get: () => hidden });
      Object.defineProperty(Document.prototype, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
      Object.assign(window, {
        setHidden(value: boolean) {
          hidden = value;
          document.dispatchEvent(new Event('visibilitychange'));
        },
      });
    });
    await app.page.evaluate(() => (window as unknown as { setHidden(value: boolean): void }).setHidden(true));

    // Hidden past two 30 s periods: the current and next codes the page held have both run out.
    const shownAt = START + 65_000;
    harness.clock.advance(65_000);
    await app.page.clock.setSystemTime(shownAt);
    const before = harness.server.calls.length;
    await harness.showPopup(app.page);
    // What the page shows the moment it becomes visible is what its first frame paints: no answer from main can arrive in between.
    const painted = await app.page.evaluate(() => {
      (window as unknown as { setHidden(value: boolean): void }).setHidden(false);
      return [...document.querySelectorAll('#account-list > li .code')].map((code) => code.textContent);
    });

    const { codes } = await harness.call('accounts:codes', {});
    expect(painted).toEqual(codes.map((code) => code.code));
    expect(painted).toEqual(secrets.map((secret) => totp(secret, shownAt)));
    // The return still reloads the list (and its codes) once, after the first frame; codes were not asked before it.
    await expect.poll(() => harness.server.calls.slice(before)).toContain('accounts:list');
    const calls = harness.server.calls.slice(before);
    expect(calls.slice(0, calls.indexOf('accounts:list'))).not.toContain('accounts:codes');
  });
});
