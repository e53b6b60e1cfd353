import { useEffect, useRef } from 'react';
import type { AccountSummary } from '../../shared/accounts';
import { displayName } from '../../shared/account-names';

/** Checkboxes for the accounts, with "Select all" (mixed when some are chosen). */
export function SelectAccounts({ accounts, selected, onChange }: { accounts: AccountSummary[]; selected: ReadonlySet<string>; onChange: (next: ReadonlySet<string>) => void }) {
  const all = useRef<HTMLInputElement>(null);
  const count = accounts.filter((account) => selected.has(account.id)).length;
  const allChosen = accounts.length > 0 && count === accounts.length;

  useEffect(() => {
    if (all.current) all.current.indeterminate = count > 0 && !allChosen;
  }, [count, allChosen]);

  if (accounts.length === 0) return <p className="empty">There are no accounts to transfer yet.</p>;

  const toggle = (id: string) => {
    const next = new Set(selected);
    if (!next.delete(id)) next.add(id);
    onChange(next);
  };

  return (
    <fieldset className="transfer-select">
      <legend>
        Accounts to transfer ({count} of {accounts.length} chosen)
      </legend>
      <label className="choice">
        <input ref={all} type="checkbox" checked={allChosen} onChange={() => onChange(allChosen ? new Set() : new Set(accounts.map((account) => account.id)))} />
        Select all
      </label>
      <ul className="transfer-list">
        {accounts.map((account) => (
          <li key={account.id}>
            <label className="choice">
              <input type="checkbox" checked={selected.has(account.id)} onChange={() => toggle(account.id)} />
              {displayName(account)}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
