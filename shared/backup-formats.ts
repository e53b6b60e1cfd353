/**
 * The formats and limits of backups and imports, without zod: the renderer imports these, and its CSP
 * forbids the code generation zod's schemas probe for.
 */

/** Largest file Traykey imports, picked or dropped; exports of the supported apps are far smaller. */
export const MAX_IMPORT_FILE_BYTES = 10 * 1024 * 1024;

export const IMPORT_FORMATS = ['traykey', 'aegis', '2fas', 'uris'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** What "Export to another app" writes: one otpauth:// link a line, or a plain Aegis vault file. */
export const OTHER_APP_FORMATS = ['uris', 'aegis'] as const;
export type OtherAppFormat = (typeof OTHER_APP_FORMATS)[number];
