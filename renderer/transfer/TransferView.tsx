import { useEffect, useRef, useState } from 'react';
import type { MigrationQrImage } from '../../shared/ipc/transfer';
import { api } from '../api';
import { displayName } from '../../shared/account-names';
import { useAccounts } from '../store/accounts';
import { RevealConfirm } from '../ui/RevealConfirm';
import { SelectAccounts } from './SelectAccounts';
import { MigrationSteps } from './MigrationSteps';
import './transfer.css';

type Stage = { kind: 'select' } | { kind: 'confirm' } | { kind: 'codes'; codes: MigrationQrImage[] };

/**
 * Moves a selection of accounts to a phone as Google Authenticator export QR codes. The codes hold
 * the secrets: main draws them only after the user confirmed, and they are dropped when done.
 */
export function TransferView() {
  const accounts = useAccounts((state) => state.accounts);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [stage, setStage] = useState<Stage>({ kind: 'select' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  // Accounts deleted meanwhile (another window, the CLI) leave the selection.
  const chosen = accounts.filter((account) => selected.has(account.id));

  useEffect(() => {
    if (stage.kind === 'select') heading.current?.focus();
  }, [stage.kind]);

  const show = async () => {
    setBusy(true);
    setError(null);
    const result = await api().transferMigrationQrs({ ids: chosen.map((account) => account.id) });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      setStage({ kind: 'select' });
      return;
    }
    setStage({ kind: 'codes', codes: result.value.codes });
  };

  return (
    <section className="transfer" aria-labelledby="transfer-title">
      <h1 id="transfer-title" ref={heading} tabIndex={-1}>
        Transfer to phone
      </h1>
      {stage.kind === 'codes' ? (
        <MigrationSteps codes={stage.codes} count={chosen.length} onDone={() => setStage({ kind: 'select' })} />
      ) : (
        <>
          <p className="hint">Choose accounts to scan into Google Authenticator (or any app that reads its export codes).</p>
          <SelectAccounts
            accounts={accounts}
            selected={selected}
            onChange={(next) => {
              setSelected(next);
              setError(null);
            }}
          />
          {stage.kind === 'select' ? (
            <div className="form-actions">
              <button type="button" className="primary" disabled={chosen.length === 0} onClick={() => setStage({ kind: 'confirm' })}>
                Show QR codes…
              </button>
            </div>
          ) : (
            <RevealConfirm
              warning={`This shows the secrets of ${chosen.length === 1 ? displayName(chosen[0]!) : `${chosen.length} accounts`}: anyone who sees the codes can copy these accounts.`}
              confirmLabel="Show QR codes"
              busy={busy}
              onConfirm={() => void show()}
              onCancel={() => setStage({ kind: 'select' })}
            />
          )}
          {error ? (
            <p className="field-error" role="alert">
              {error}
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
