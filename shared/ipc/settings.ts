import { z } from 'zod';
import { call } from './define';
import { acceleratorSchema } from './shortcut';

export const settingsSchema = z.object({
  clipboardClearSeconds: z.number().int().min(0).max(600),
  theme: z.enum(['system', 'light', 'dark']),
  adminArea: z.boolean(),
  /** Lock the vault after this many minutes without a user action (0: only on sleep and screen lock). */
  lockAfterMinutes: z.number().int().min(0).max(1440),
  /** An https server whose Date header the clock check compares against. */
  timeSourceUrl: z.url({ protocol: /^https$/ }).max(2048),
  /** In a code's last 5 seconds, show the next code beside it. */
  nextCodePreview: z.boolean(),
  /** Account ids pinned to the top of the list, in the order they were pinned. */
  favourites: z.array(z.string().min(1).max(200)).max(10_000),
  /** Per account id: a brand icon's slug, or "initials"; absent means matched on the issuer. */
  accountIcons: z.record(z.string().min(1).max(200), z.string().min(1).max(64)),
  /** Check for updates at start and every few hours, and download them in the background. */
  updateChecks: z.boolean(),
  updateChannel: z.enum(['latest', 'beta']),
  /** The global shortcut that shows the popup, or null when turned off; changed through `shortcut:set`, which asks the OS first. */
  shortcut: acceleratorSchema.nullable(),
});
export type Settings = z.infer<typeof settingsSchema>;

const saveNumber = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const olderCopy = z.object({ save: saveNumber, latestSave: saveNumber }).strict();
export type OlderCopyStatus = z.infer<typeof olderCopy>;

export const vaultStatus = z.object({
  state: z.enum(['unlocked', 'locked', 'error']),
  mode: z.enum(['keychain', 'passphrase']),
  path: z.string(),
  accountCount: z.number().int(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  /**
   * The open vault is an older copy, so read-only: it is save `save`, and this computer recorded the
   * later save `latestSave`. What was saved after it is not in this copy.
   */
  olderCopy: olderCopy.optional(),
});
export type VaultStatus = z.infer<typeof vaultStatus>;

export const settingsCalls = {
  'settings:get': call({ passive: true, summary: 'The user’s settings.', request: z.object({}).strict(), response: settingsSchema }),
  'settings:set': call({ summary: 'Change some settings.', request: settingsSchema.omit({ shortcut: true }).partial().strict(), response: settingsSchema }),
  'vault:status': call({ passive: true, summary: 'Whether the vault is open, and how it is protected.', request: z.object({}).strict(), response: vaultStatus }),
  'vault:unlock': call({
    summary: 'Open the vault with the passphrase (passphrase mode, or after a lock).',
    // Without a passphrase a keychain-mode vault is unlocked from the OS keychain (after Touch ID where offered).
    request: z.object({ passphrase: z.string().min(1).max(1024).optional() }).strict(),
    response: vaultStatus,
  }),
  'vault:lock': call({ passive: true, summary: 'Drop the vault key from memory now.', request: z.object({}).strict(), response: vaultStatus }),
  'vault:acceptOlder': call({
    summary: 'Keep working from the older copy the person was shown (the same as `traykey vault accept-older`): the saves after it are given up.',
    // The copy the person confirmed: a vault that changed since is refused, never accepted unseen.
    request: olderCopy,
    response: vaultStatus,
  }),
};
