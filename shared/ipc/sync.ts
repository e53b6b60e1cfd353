import { z } from 'zod';
import { call } from './define';

export const syncDeviceView = z.object({
  id: z.string(),
  name: z.string(),
  thisDevice: z.boolean(),
  /** Epoch ms when something new from it was last read here (for this computer: last written), or null. */
  lastSeen: z.number().nullable(),
  removed: z.boolean(),
});
export type SyncDeviceView = z.infer<typeof syncDeviceView>;

export const syncStatusView = z.object({
  health: z.enum(['off', 'up-to-date', 'waiting', 'problem']),
  /** "up to date", "waiting for <device>: …" or "problem: <sentence>". */
  sentence: z.string(),
  folder: z.string().optional(),
  /** Changes made here that have not reached the folder yet. */
  pending: z.number().int(),
  devices: z.array(syncDeviceView),
});
export type SyncStatusView = z.infer<typeof syncStatusView>;

const folder = z.string().min(1).max(4096);

export const syncCalls = {
  'sync:status': call({ summary: 'Whether sync is on, up to date, waiting for a device or has a problem, and the devices in the group.', request: z.object({}).strict(), response: syncStatusView }),
  'sync:chooseFolder': call({
    summary: 'Let the person choose the synced folder in the desktop’s own folder chooser; null when they cancelled.',
    request: z.object({}).strict(),
    response: z.object({ folder: z.string().nullable() }),
  }),
  'sync:setup': call({ summary: 'Start a sync group on this computer through a folder the person already syncs.', request: z.object({ folder }).strict(), response: syncStatusView }),
  'sync:pair': call({
    summary: 'Show one-use pairing words (and their QR image) for another computer; they expire in 10 minutes. The join itself arrives later (sync:changed).',
    request: z.object({}).strict(),
    response: z.object({ words: z.array(z.string()), qrDataUrl: z.string().startsWith('data:image/png;base64,'), expiresAt: z.number() }),
  }),
  'sync:cancelPair': call({ summary: 'Withdraw the pairing words shown.', request: z.object({}).strict(), response: z.object({}) }),
  'sync:join': call({
    summary: 'Join the sync group in a folder with the words another computer shows.',
    request: z.object({ folder, words: z.string().min(1).max(200) }).strict(),
    response: syncStatusView,
  }),
  'sync:now': call({ summary: 'Read and write the sync folder now.', request: z.object({}).strict(), response: syncStatusView }),
  'sync:removeDevice': call({
    summary: 'Remove a computer from the sync group; the others move to a key it never gets.',
    request: z.object({ id: z.string().regex(/^[0-9a-z]{16}$/) }).strict(),
    response: syncStatusView,
  }),
};
