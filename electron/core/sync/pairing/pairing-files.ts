import { readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { GCM_NONCE_BYTES, GCM_TAG_BYTES, openBox, sealBox } from '../../crypto/aes-gcm';
import { PAIRING_DIR, replaceFile } from '../folder/sync-folder';
import type { PairingSecrets } from './pairing-code';

/**
 * The three files of one pairing, each written by one side: the offer and the welcome by the inviting
 * device, the join request by the joining one. All are sealed with the key derived from the words and
 * bound to their purpose, so one cannot stand in for another.
 */
export type PairingFile = 'offer' | 'join' | 'welcome';

/** Binds a file's contents to its pairing and its role, so no file can stand in for another. */
const purposeOf = (secrets: PairingSecrets, file: PairingFile) => Buffer.from(`traykey pairing ${file} ${secrets.lookup}`);
const pathOf = (folder: string, secrets: PairingSecrets, file: PairingFile) => join(folder, PAIRING_DIR, `${secrets.lookup}.${file}`);

export const offerBody = z.object({ inviter: z.string(), expiresAt: z.number() });
export const joinBody = z.object({ device: z.string().regex(/^[0-9a-z]{16}$/), name: z.string().max(200), sign: z.string().max(200), box: z.string().max(200) });
export const welcomeBody = z.object({
  inviter: z.string(),
  members: z.record(z.string(), z.object({ name: z.string(), sign: z.string(), box: z.string(), added: z.string(), removed: z.string().optional() })),
  keys: z.record(z.string(), z.object({ t: z.string(), for: z.array(z.string()), wrap: z.object({ epk: z.string(), box: z.string() }) })),
  writeKey: z.string(),
});

export async function writePairingFile(folder: string, secrets: PairingSecrets, file: PairingFile, body: unknown): Promise<void> {
  await replaceFile(pathOf(folder, secrets, file), sealBox(secrets.authKey, Buffer.from(JSON.stringify(body)), purposeOf(secrets, file)));
}

/** The file's contents; 'absent' while it has not arrived, 'forged' when the words do not open it. */
export async function readPairingFile<T>(folder: string, secrets: PairingSecrets, file: PairingFile, schema: z.ZodType<T>): Promise<T | 'absent' | 'forged'> {
  let bytes: Buffer;
  try {
    bytes = await readFile(pathOf(folder, secrets, file));
  } catch {
    return 'absent';
  }
  if (bytes.length < GCM_NONCE_BYTES + GCM_TAG_BYTES) return 'absent';
  const plaintext = openBox(secrets.authKey, bytes, purposeOf(secrets, file));
  if (!plaintext) return 'forged';
  try {
    const parsed = schema.safeParse(JSON.parse(plaintext.toString('utf8')));
    return parsed.success ? parsed.data : 'forged';
  } catch {
    return 'forged';
  }
}

export async function removePairingFile(folder: string, secrets: PairingSecrets, file: PairingFile): Promise<void> {
  await unlink(pathOf(folder, secrets, file)).catch(() => undefined);
}
