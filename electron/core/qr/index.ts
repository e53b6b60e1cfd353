/** The QR area's public surface for core, the CLI and the scan handlers. */
export { accountsOf, batchLabel, classifyCode, MAX_KEY_URI_LENGTH, MAX_MIGRATION_URI_LENGTH } from './classify-codes';
export { prepareNodeQrEngine } from './node-engine';
export { isPngOrJpeg, scanImageFile, scanImageFiles, type ScannedFile } from './scan-image-files';
export type { ScannedCode } from './scanned-code';
