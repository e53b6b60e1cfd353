import { z } from 'zod';
import { call } from './define';
import { IMPORT_FORMATS, MAX_IMPORT_FILE_BYTES, OTHER_APP_FORMATS } from '../backup-formats';

export { IMPORT_FORMATS, MAX_IMPORT_FILE_BYTES, OTHER_APP_FORMATS, type ImportFormat, type OtherAppFormat } from '../backup-formats';

const base64 = z
  .string()
  .max(Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/);

/** A file chosen in main's own open dialog, or one dropped on the window (its bytes read by the renderer). */
export const importSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('picker') }).strict(),
  z.object({ kind: z.literal('dropped'), name: z.string().max(255), data: base64 }).strict(),
]);
export type ImportSource = z.infer<typeof importSource>;

const openedImport = z.discriminatedUnion('opened', [
  z.object({ opened: z.literal(false) }),
  z.object({ opened: z.literal(true), name: z.string(), format: z.enum(IMPORT_FORMATS), encrypted: z.boolean() }),
]);
export type OpenedImport = z.infer<typeof openedImport>;

/**
 * How one account of the file compares with the stored ones: `duplicate` has the secret of a stored
 * account, `changed-secret` the issuer and name of one but another secret, `repeat` came earlier in the file.
 */
export const IMPORT_STATUSES = ['new', 'duplicate', 'changed-secret', 'repeat'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** One account of the file as the preview shows it: names and kind, never the secret. */
export const importPreviewEntry = z.object({
  index: z.number().int().min(0),
  issuer: z.string(),
  label: z.string(),
  type: z.enum(['totp', 'hotp', 'steam']),
  status: z.enum(IMPORT_STATUSES),
  /** The stored account it matches, by name, for duplicate and changed-secret. */
  existing: z.string().optional(),
});
export type ImportPreviewEntry = z.infer<typeof importPreviewEntry>;

export const importPreview = z.object({
  name: z.string(),
  format: z.enum(IMPORT_FORMATS),
  entries: z.array(importPreviewEntry),
  /** Entries or lines of the file that cannot be imported, and why. */
  problems: z.array(z.object({ where: z.string(), reason: z.string() })),
});
export type ImportPreviewView = z.infer<typeof importPreview>;

const savedFile = z.discriminatedUnion('saved', [z.object({ saved: z.literal(false) }), z.object({ saved: z.literal(true), count: z.number().int().min(0), file: z.string() })]);
export type SavedFile = z.infer<typeof savedFile>;

const passphrase = z.string().min(1).max(1024);

export const backupCalls = {
  'backup:export': call({
    summary: 'Write every account to an encrypted Traykey backup where the person chooses in a save dialog (the passphrase is checked for strength first).',
    request: z.object({ passphrase }).strict(),
    response: savedFile,
  }),
  'backup:openImport': call({
    summary: 'Take a file to import (main’s open dialog, or the bytes of a dropped file) and say what it is; nothing is saved.',
    request: importSource,
    response: openedImport,
  }),
  'backup:previewImport': call({
    summary: 'Read the opened file (with its passphrase if encrypted) and list its accounts against the stored ones; names only, never secrets.',
    request: z.object({ passphrase: passphrase.optional() }).strict(),
    response: importPreview,
  }),
  'backup:saveImport': call({
    summary: 'Save the accounts the person chose from the preview (by index); a chosen duplicate replaces the stored account. Then the file is forgotten.',
    request: z.object({ chosen: z.array(z.number().int().min(0).max(100_000)).max(100_000) }).strict(),
    response: z.object({ added: z.number().int(), replaced: z.number().int(), skipped: z.array(z.object({ issuer: z.string(), label: z.string(), reason: z.string() })) }),
  }),
  'backup:discardImport': call({ summary: 'Forget the opened file and everything read from it.', request: z.object({}).strict(), response: z.object({}) }),
  'backup:exportForApp': call({
    summary: 'Write every account in clear for another app (otpauth:// list or Aegis JSON) where the person chooses; only after they confirmed the file holds secrets in clear.',
    request: z.object({ format: z.enum(OTHER_APP_FORMATS) }).strict(),
    response: savedFile,
  }),
};
