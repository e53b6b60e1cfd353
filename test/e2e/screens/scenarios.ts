/**
 * Every view and state of the popup worth a picture, each set up from a fresh harness the way a
 * person would get there. The screenshot spec photographs each one in light, dark and at 200% zoom.
 */
import type { Page } from '@playwright/test';
import type { App } from '../harness/fixtures';
import type { Harness } from '../harness/harness';
import { chooseImportFile, openAdminWindow, openSection } from '../harness/popup';
import { startSimulator } from '../../sim';
import { seedAdminConnection, seedTestUsers } from './admin-users';
import { encodePng } from '../../bench/qr-corpus/encode';
import { LIGHT, renderPage, type PlacedCode } from '../../bench/qr-corpus/page';
import { migrationUri } from '../../bench/qr-corpus/payloads';
import { seededRandom } from '../../bench/qr-corpus/prng';
import type { CodeStyle } from '../../bench/qr-corpus/raster';
import { seedRealisticAccounts } from './accounts';
import { aegisEntry, aegisPlain } from '../../unit/backup/fixtures/foreign-encoders';
import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';

export interface ScenarioContext {
  app: App;
  harness: Harness;
  page: Page;
  /** Work to do once the picture is taken (stopping a simulator the scenario started). */
  defer(cleanup: () => Promise<void>): void;
}

export interface Scenario {
  name: string;
  /**
   * Brings the app to the state; the page is already attached but not yet opened. Returns the page
   * to photograph when it is not the popup (the Admin window).
   */
  show(context: ScenarioContext): Promise<Page | void>;
}

/** Brings the app to a scenario's state, hands `look` the page showing it, then undoes what the scenario started. */
export async function inScenario(scenario: Scenario, base: { app: App; harness: Harness }, look: (page: Page) => Promise<void>): Promise<void> {
  const cleanups: (() => Promise<void>)[] = [];
  try {
    const page = (await scenario.show({ ...base, page: base.app.page, defer: (cleanup) => cleanups.push(cleanup) })) ?? base.app.page;
    await look(page);
  } finally {
    for (const cleanup of cleanups) await cleanup();
  }
}

const QR_STYLE: CodeStyle = { moduleWidth: 4, moduleHeight: 4, rotation: 0, dark: [0, 0, 0], light: [255, 255, 255], errorCorrection: 'M', margin: 4 };

function setupImage(): Buffer {
  const transfer = migrationUri(
    [
      { issuer: 'Okta', name: 'carol', secret: Uint8Array.from({ length: 10 }, (_, i) => i + 1), type: 'totp' },
      { issuer: 'AWS', name: 'dave', secret: Uint8Array.from({ length: 10 }, (_, i) => i + 60), type: 'totp' },
    ],
    { index: 1, size: 3, id: 9 },
  );
  const texts = ['otpauth://totp/GitHub:alice-dev?secret=KRSXG5CTMVRXEZLU&issuer=GitHub', 'https://example.com/help/setting-up-two-factor-authentication?from=qr', transfer];
  const placed = texts.map((text, i): PlacedCode => ({ text, style: QR_STYLE, at: [0.03 + 0.5 * (i % 2), 0.05 + 0.5 * Math.floor(i / 2)] }));
  return Buffer.from(encodePng(renderPage(900, 650, LIGHT, placed, seededRandom(5))));
}

async function listOfTwelve({ app, harness }: { app: App; harness: Harness }): Promise<void> {
  await seedRealisticAccounts(harness);
  await app.open();
  // Rows far below the view are not in the page (see list-window.ts); each row says the list's length.
  await app.page.locator('#account-list > li[aria-setsize="12"]').first().waitFor();
}

/**
 * Sign-in requests waiting in Approvals, from the simulator's Okta on the shots' fixed clock, so each
 * card's "Expires in" reads the same on every run.
 */
async function pendingApprovals({ app, harness, page, defer }: ScenarioContext, challenges: Record<string, unknown>[]): Promise<void> {
  const sim = await startSimulator({ now: harness.clock.now });
  defer(() => sim.close());
  const login = 'bob@example.com';
  const password = sim.okta.users.find((user) => user.login === login)?.password ?? '';
  await harness.core.push.enrol({ orgUrl: sim.okta.url, clientId: sim.okta.oidcClientId, signIn: { kind: 'password', username: login, password } });
  for (const challenge of challenges) {
    const response = await fetch(`${sim.okta.url}/__sim/okta-push/challenges`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, ...challenge }) });
    if (response.status !== 201) throw new Error(`the simulator refused a challenge (${response.status})`);
  }
  // Polls now rather than waiting for the cadence; a poll the enrolment started may have been under
  // way before the last request arrived, and pollAll joins it, so a second poll may be needed.
  let pending = await harness.core.push.pollAll();
  for (let poll = 1; poll < 3 && pending.length < challenges.length; poll += 1) pending = await harness.core.push.pollAll();
  if (pending.length !== challenges.length) throw new Error(`expected ${challenges.length} pending requests, the polls found ${pending.length}`);
  await app.open();
  await openSection(page, 'Approvals');
  await page.getByTestId('approval').nth(challenges.length - 1).waitFor();
}

/** The Admin window on a recorded connection (to `orgUrl`, else a made-up org) holding its 16 test users. */
async function adminWithTestUsers({ app, harness }: { app: App; harness: Harness }, orgUrl?: string): Promise<Page> {
  await harness.call('settings:set', { adminArea: true });
  await seedTestUsers(harness, await seedAdminConnection(harness, orgUrl));
  await app.open();
  return openAdminWindow(app);
}

/** adminWithTestUsers once the results table shows every user and the codes are in. */
async function adminResults(context: { app: App; harness: Harness }): Promise<Page> {
  const admin = await adminWithTestUsers(context);
  await admin.locator('.admin-results tbody tr').nth(15).waitFor();
  await admin.locator('.admin-results tbody tr .code').first().waitFor();
  return admin;
}

export const SCENARIOS: Scenario[] = [
  {
    name: 'accounts-empty',
    async show({ app, page }) {
      await app.open();
      await page.getByText('No accounts yet.').waitFor();
    },
  },
  { name: 'accounts-list', show: listOfTwelve },
  {
    name: 'accounts-search',
    async show(context) {
      await listOfTwelve(context);
      await context.page.getByRole('searchbox', { name: 'Search accounts' }).fill('alice@');
    },
  },
  {
    name: 'accounts-copied',
    async show(context) {
      await listOfTwelve(context);
      await context.page.locator('#account-list > li').first().locator('.row-main').click();
      await context.page.getByRole('status').getByText(/^Copied/).waitFor();
    },
  },
  {
    name: 'details',
    async show(context) {
      await listOfTwelve(context);
      await context.page.locator('#account-list > li').first().locator('.row-main').focus();
      await context.page.keyboard.press('Control+i');
      await context.page.getByRole('heading', { level: 1 }).waitFor();
    },
  },
  {
    name: 'add-link',
    async show({ app, page }) {
      await app.open();
      await openSection(page, 'Add');
      await page.getByLabel('otpauth:// link').fill('otpauth://totp/Example:someone@example.com?secret=JBSWY3DPEHPK3PXP');
    },
  },
  {
    name: 'add-link-error',
    async show({ app, page }) {
      await app.open();
      await openSection(page, 'Add');
      await page.getByLabel('otpauth:// link').fill('otpauth://totp/Example:someone?secret=not-base32!');
      await page.getByRole('button', { name: 'Add from link' }).click();
      await page.locator('.field-error').first().waitFor();
    },
  },
  {
    name: 'add-scan-results',
    async show({ app, page }) {
      await app.open();
      await openSection(page, 'Scan');
      await page.getByLabel('Image file').setInputFiles({ name: 'setup.png', mimeType: 'image/png', buffer: setupImage() });
      await page.getByLabel('Found codes').waitFor();
    },
  },
  {
    name: 'locked',
    async show({ app, harness, page }) {
      await app.open();
      await harness.call('vault:lock', {});
      await page.getByRole('heading', { name: 'Traykey is locked' }).waitFor();
    },
  },
  {
    name: 'settings',
    async show({ app, page }) {
      await app.open();
      await openSection(page, 'Settings');
      await page.getByRole('heading', { name: 'Clipboard' }).waitFor();
    },
  },
  {
    // Another app holds the keys the person pressed: the sentence stays under the shortcut kept.
    name: 'settings-shortcut-taken',
    async show({ app, harness, page }) {
      harness.shortcuts.take('CommandOrControl+Alt+J');
      await app.open();
      await openSection(page, 'Settings');
      const card = page.locator('.shortcut-card');
      await card.getByRole('button', { name: 'Change…' }).click();
      await page.keyboard.press('Control+Alt+J');
      await card.getByText('Ctrl+Alt+J is already used by another app. Choose another shortcut.').waitFor();
      await card.scrollIntoViewIfNeeded();
    },
  },
  {
    name: 'approvals-none',
    async show({ app, page }) {
      await app.open();
      await openSection(page, 'Approvals');
    },
  },
  {
    name: 'approvals-one',
    show: (context) => pendingApprovals(context, [{ appInstanceName: 'Payroll', clientOS: 'Windows', clientLocation: 'Leeds, United Kingdom' }]),
  },
  {
    name: 'approvals-two',
    show: (context) =>
      pendingApprovals(context, [
        { appInstanceName: 'Payroll', clientOS: 'Windows', clientLocation: 'Leeds, United Kingdom' },
        { appInstanceName: 'Salesforce', clientOS: 'macOS', clientLocation: 'Lisbon, Portugal', bindingMessage: 'Helpdesk call 4711' },
      ]),
  },
  {
    name: 'transfer',
    async show(context) {
      await listOfTwelve(context);
      await openSection(context.page, 'Transfer');
    },
  },
  {
    name: 'backup',
    async show({ app, page }) {
      await app.open();
      await openSection(page, 'Backup');
      await page.getByLabel('Backup passphrase').fill('violet kettle orbits');
      await page.getByRole('meter', { name: 'Passphrase strength' }).waitFor();
    },
  },
  {
    name: 'backup-import-preview',
    async show(context) {
      await listOfTwelve(context);
      const { harness, page } = context;
      const [first, second] = await harness.call('accounts:list', {});
      const stored = await harness.call('accounts:reveal', { id: first!.id });
      const entry = (issuer: string, name: string, secret: string) => aegisEntry({ type: 'totp', name, issuer, info: { secret, algo: 'SHA1', digits: 6, period: 30 } });
      const file = join(harness.home, 'aegis-export.json');
      await writeFile(file, aegisPlain([
        entry('Fastmail', 'erin@example.com', 'ONSWG4TFOQ'),
        entry('Renamed', 'old name', stored.secret),
        entry(second!.issuer, second!.label, 'KRSXG5CTMVRXEZLU'),
        aegisEntry({ type: 'yandex', name: 'y', issuer: 'Yandex', info: { secret: 'ONSWG4TFOQ' } }),
      ]));
      await chooseImportFile(page, harness.dialogs, file);
      await page.getByRole('list', { name: 'Cannot be imported' }).waitFor();
      await page.getByRole('heading', { name: 'Import' }).scrollIntoViewIfNeeded();
    },
  },
  {
    name: 'export-confirm',
    async show(context) {
      await listOfTwelve(context);
      await openSection(context.page, 'Export');
      await context.page.getByRole('button', { name: 'Export…' }).click();
      await context.page.getByRole('alertdialog').waitFor();
    },
  },
  {
    name: 'admin-new-connection',
    async show({ app, harness }) {
      await harness.call('settings:set', { adminArea: true });
      await app.open();
      const admin = await openAdminWindow(app);
      await admin.getByLabel('Org URL').waitFor();
      return admin;
    },
  },
  {
    name: 'admin-connected',
    async show({ app, harness }) {
      await harness.call('settings:set', { adminArea: true });
      await seedAdminConnection(harness);
      await app.open();
      const admin = await openAdminWindow(app);
      await admin.getByText('No test users yet.').waitFor();
      return admin;
    },
  },
  {
    name: 'admin-running',
    async show({ app, harness, defer }) {
      // Every request to the org is held, so the run stays at its start whatever the machine's speed.
      const sim = await startSimulator({ now: harness.clock.now });
      defer(() => sim.close());
      sim.faults.add({ kind: 'latency', ms: 60_000, path: '/api/v1/**' });
      const admin = await adminWithTestUsers({ app, harness }, sim.okta.url);
      await admin.getByLabel('How many').fill('10');
      await admin.getByLabel('Login prefix').fill('qa-next');
      await admin.getByRole('button', { name: 'Enrol', exact: true }).click();
      await admin.getByText('Enrolling: 0 of 10 users (0%)').waitFor();
      // Pressing Enrol scrolled the form; the picture is of the whole window as it was, with the progress in view.
      await admin.locator('.admin-side').evaluate((side) => side.scrollTo(0, 0));
      await admin.locator('.admin-progress').scrollIntoViewIfNeeded();
      return admin;
    },
  },
  {
    name: 'admin-results',
    show: adminResults,
  },
  {
    name: 'admin-cleanup',
    async show(context) {
      const admin = await adminResults(context);
      await admin.getByRole('button', { name: 'Clean up' }).click();
      const dialog = admin.getByRole('alertdialog');
      await dialog.getByRole('list', { name: 'Users left alone' }).waitFor();
      // The list scrolls inside the card; the picture shows its end: who is left alone and why, and the buttons.
      await dialog.getByRole('button', { name: /^Delete/ }).scrollIntoViewIfNeeded();
      return admin;
    },
  },
];
