import { useState, type DragEvent, type FormEvent } from 'react';
import type { AppErrorData } from '../../shared/errors';
import { MAX_IMPORT_FILE_BYTES, type ImportFormat } from '../../shared/backup-formats';
import type { ImportPreviewView, ImportSource } from '../../shared/ipc/backup';
import { api } from '../api';
import { loadAccounts } from '../store/accounts';
import { showToast } from '../store/toasts';
import { TextField } from '../ui/TextField';
import { ImportPreviewList, defaultChoice } from './ImportPreviewList';

const FORMAT_NAMES: Record<ImportFormat, string> = { traykey: 'Traykey backup', aegis: 'Aegis export', '2fas': '2FAS export', uris: 'list of otpauth:// links' };

type Stage =
  | { kind: 'idle' }
  | { kind: 'passphrase'; name: string; format: ImportFormat }
  | { kind: 'preview'; preview: ImportPreviewView; chosen: ReadonlySet<number> };

/** The dropped file's bytes as base64, for main; nothing of it is kept here. */
async function droppedSource(file: File): Promise<ImportSource | string> {
  if (file.size > MAX_IMPORT_FILE_BYTES) return `${file.name} is larger than ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MiB: it is not an export Traykey can import.`;
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return { kind: 'dropped', name: file.name, data: btoa(binary) };
}

/**
 * "Import": a Traykey backup, an Aegis or 2FAS export or an otpauth:// list, chosen or dropped. Main
 * reads it; this shows the names it lists and which to import, never a secret.
 */
export function ImportCard() {
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<AppErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);

  const preview = async (given?: string) => {
    setBusy(true);
    const result = await api().backupPreviewImport(given ? { passphrase: given } : {});
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setError(null);
    setPassphrase('');
    setStage({ kind: 'preview', preview: result.value, chosen: new Set(result.value.entries.filter(defaultChoice).map((entry) => entry.index)) });
  };

  const open = async (source: ImportSource) => {
    setError(null);
    setBusy(true);
    const result = await api().backupOpenImport(source);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    if (!result.value.opened) return;
    if (result.value.encrypted) return setStage({ kind: 'passphrase', name: result.value.name, format: result.value.format });
    await preview();
  };

  const onDrop = async (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (!file) return;
    const source = await droppedSource(file);
    if (typeof source === 'string') return setError({ code: 'INVALID_INPUT', message: source });
    await open(source);
  };

  const cancel = () => {
    setStage({ kind: 'idle' });
    setPassphrase('');
    setError(null);
    void api().backupDiscardImport({});
  };

  const save = async (chosen: ReadonlySet<number>) => {
    setBusy(true);
    const result = await api().backupSaveImport({ chosen: [...chosen] });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setStage({ kind: 'idle' });
    await loadAccounts();
    const { added, replaced, skipped } = result.value;
    showToast({ message: `Imported ${added + replaced} accounts${replaced ? ` (${replaced} replaced)` : ''}${skipped.length ? `; ${skipped.length} not imported` : ''}.` });
  };

  const unlock = (event: FormEvent) => {
    event.preventDefault();
    void preview(passphrase);
  };

  return (
    <section
      className={`card form import-drop${dragging ? ' dragging' : ''}`}
      aria-labelledby="import-title"
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => void onDrop(event)}
    >
      <h2 id="import-title">Import</h2>
      {stage.kind === 'idle' ? (
        <>
          <p className="hint">A Traykey backup, an Aegis or 2FAS export (plain or encrypted), or a text file of otpauth:// links. Choose it or drop it here; nothing is saved before you pick the accounts.</p>
          <div className="form-actions">
            <button type="button" disabled={busy} onClick={() => void open({ kind: 'picker' })}>
              Choose file…
            </button>
          </div>
        </>
      ) : null}
      {stage.kind === 'passphrase' ? (
        <form onSubmit={unlock}>
          <p className="hint">
            {stage.name} is an encrypted {FORMAT_NAMES[stage.format]}.
          </p>
          <TextField label="Its passphrase" name="passphrase" type="password" value={passphrase} onChange={setPassphrase} error={error} autoFocus />
          <div className="form-actions">
            <button type="button" onClick={cancel}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={busy || passphrase === ''}>
              Open
            </button>
          </div>
        </form>
      ) : null}
      {stage.kind === 'preview' ? (
        <ImportPreviewList
          preview={stage.preview}
          chosen={stage.chosen}
          busy={busy}
          onChange={(chosen) => setStage({ ...stage, chosen })}
          onCancel={cancel}
          onSave={() => void save(stage.chosen)}
        />
      ) : null}
      {error && error.field !== 'passphrase' ? (
        <p className="field-error" role="alert">
          {error.message}
        </p>
      ) : null}
    </section>
  );
}
