/** The backup area's public surface: encrypted Traykey backups and importers for other apps' exports. */
export { describeBackup, importBackup, type ImportOptions } from './import-backup';
export { exportTraykeyBackup, importTraykeyBackup, type ExportOptions } from './traykey-backup';
export { BACKUP_FORMATS, type BackupFormat, type ImportProblem, type ImportResult } from './imported-account';
export { DUPLICATE_POLICIES, planMerge, type DuplicatePolicy, type ExistingAccount, type MergePlan } from './merge-plan';
export { accountsForBackup } from './accounts-for-backup';
export { DEFAULT_KDF_LIMITS, type KdfLimits } from '../crypto/passphrase-kdf';
