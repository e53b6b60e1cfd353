import { z } from 'zod';
import { appError } from '../../../../shared/errors';
import type { VaultDocument } from '../../vault/vault';
import { emptyState, type MergeState } from '../merge/state';

const keyPair = z.object({ publicKey: z.string(), privateKey: z.string() });
const deviceId = z.string().regex(/^[0-9a-z]{16}$/);
const keyId = z.string().regex(/^[0-9a-f]{16}$/);

/**
 * What this device keeps about sync, inside the vault (`doc.sync`): saved atomically with the accounts it
 * describes, encrypted like them, and protected by the same keychain entry or passphrase. The sync keys
 * live here too, so they are exactly as safe as the accounts they protect.
 */
export const syncSection = z.object({
  v: z.literal(1),
  folder: z.string().min(1),
  device: z.object({ id: deviceId, name: z.string(), sign: keyPair, box: keyPair }),
  /** Every group key this device has held, by id; `for` lists the devices it was given to. */
  keys: z.record(keyId, z.object({ secret: z.string(), t: z.string(), for: z.array(deviceId) })),
  writeKey: keyId,
  /** The merged state as of the last round; the accounts in the vault are its projection plus local edits since. */
  state: z.custom<MergeState>((value) => typeof value === 'object' && value !== null && 'accounts' in value && 'members' in value),
  /** Per other device: the last record merged, where its log continued, and when something new last came. */
  seen: z.record(deviceId, z.object({ seq: z.number().int().min(0), offset: z.number().int().min(0), at: z.number() })),
  /** Records made but not yet known to be in this device's log: written on the next round that reaches the folder. */
  outbox: z.array(z.object({ seq: z.number().int().min(1), kind: z.enum(['ops', 'key']), keyId, body: z.string() })),
  nextSeq: z.number().int().min(1),
  /** The last record known to be in this device's log, and the one its latest snapshot covers. */
  flushedSeq: z.number().int().min(0),
  snapshotSeq: z.number().int().min(0),
  lastWriteAt: z.number().optional(),
  /** Pairings this device offered, so their files are cleaned up once they expire. */
  pairings: z.array(z.object({ lookup: z.string(), expiresAt: z.number() })),
});
export type SyncSection = z.infer<typeof syncSection>;

export const SYNC_SECTION = 'sync';

export function syncSectionIn(doc: VaultDocument): SyncSection | undefined {
  if (doc[SYNC_SECTION] === undefined) return undefined;
  const parsed = syncSection.safeParse(doc[SYNC_SECTION]);
  if (!parsed.success) throw appError('VAULT_CORRUPT', 'The vault’s sync settings are damaged; turn sync off and set it up again (your accounts are not affected).');
  return parsed.data;
}

export function requireSection(doc: VaultDocument): SyncSection {
  const section = syncSectionIn(doc);
  // SyncService checks first, in the words of the app or the CLI; this is the engine's own guard.
  if (!section) throw appError('NOT_FOUND', 'Sync is not set up on this computer.');
  return section;
}

export function newSection(fields: Pick<SyncSection, 'folder' | 'device' | 'keys' | 'writeKey'> & { state?: MergeState }): SyncSection {
  return { v: 1, ...fields, state: fields.state ?? emptyState(), seen: {}, outbox: [], nextSeq: 1, flushedSeq: 0, snapshotSeq: 0, pairings: [] };
}
