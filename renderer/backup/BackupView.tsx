import { featureOffMessage } from '../../shared/policy/policy-text';
import { ManagedNote } from '../policy/ManagedNote';
import { useFeatureOff } from '../store/policy';
import { BackupExportCard } from './BackupExportCard';
import { ImportCard } from './ImportCard';
import './backup.css';

/** Backups out and accounts in: main reads and writes the files, this view only shows names and choices. */
export function BackupView() {
  const exportOff = useFeatureOff('backupExport');
  return (
    <section className="backup" aria-labelledby="backup-title">
      <h1 id="backup-title">Backup</h1>
      {exportOff ? <ManagedNote what={featureOffMessage('backupExport')} /> : <BackupExportCard />}
      <ImportCard />
    </section>
  );
}
