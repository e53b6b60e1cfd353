import type { ImportPreviewEntry, ImportPreviewView } from '../../shared/ipc/backup';
import { displayName } from '../../shared/account-names';

const STATUS: Record<ImportPreviewEntry['status'], string> = {
  new: 'New',
  duplicate: 'Already here',
  'changed-secret': 'Different secret',
  repeat: 'Repeated in the file',
};

/** New accounts are chosen at first; one that would replace a stored account only when the person says so. */
export function defaultChoice(entry: ImportPreviewEntry): boolean {
  return entry.status === 'new';
}

function detail(entry: ImportPreviewEntry): string {
  if (entry.status === 'duplicate') return `same secret as ${entry.existing ?? 'a stored account'}; importing replaces it`;
  if (entry.status === 'changed-secret') return `${entry.existing ?? 'A stored account'} has another secret; importing replaces it`;
  if (entry.status === 'repeat') return 'an earlier account of the file has the same secret or name';
  return '';
}

export function ImportPreviewList({ preview, chosen, busy, onChange, onCancel, onSave }: {
  preview: ImportPreviewView;
  chosen: ReadonlySet<number>;
  busy: boolean;
  onChange: (next: ReadonlySet<number>) => void;
  onCancel: () => void;
  onSave: () => void;
}) {
  const toggle = (index: number) => {
    const next = new Set(chosen);
    if (!next.delete(index)) next.add(index);
    onChange(next);
  };
  return (
    <div className="import-preview">
      <fieldset>
        <legend>
          <span>Accounts in {preview.name}</span>
          <span className="import-count">
            {chosen.size} of {preview.entries.length} chosen
          </span>
        </legend>
        <ul className="import-list">
          {preview.entries.map((entry) => (
            <li key={entry.index}>
              <label className="choice">
                <input type="checkbox" checked={chosen.has(entry.index)} disabled={entry.status === 'repeat'} onChange={() => toggle(entry.index)} aria-describedby={`import-status-${entry.index}`} />
                <span className="import-name">{displayName(entry)}</span>
              </label>
              <span id={`import-status-${entry.index}`} className={`import-status status-${entry.status}`}>
                {STATUS[entry.status]}
                {detail(entry) ? <span className="hint">: {detail(entry)}</span> : null}
              </span>
            </li>
          ))}
        </ul>
      </fieldset>
      {preview.problems.length > 0 ? (
        <>
          <p>Cannot be imported:</p>
          <ul aria-label="Cannot be imported" className="import-problems">
            {preview.problems.map((problem) => (
              <li key={problem.where}>
                {problem.where}: {problem.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <div className="form-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={busy || chosen.size === 0} onClick={onSave}>
          Import {chosen.size === 1 ? '1 account' : `${chosen.size} accounts`}
        </button>
      </div>
    </div>
  );
}
