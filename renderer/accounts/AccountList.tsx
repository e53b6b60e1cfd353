import { useState, type Ref } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { reorderTo, useAccounts, visibleAccounts } from '../store/accounts';
import { showError } from '../store/toasts';
import { AccountRow } from './AccountRow';

/** Rows subscribe to their own code, so a boundary re-renders only the rows whose code changed. */
export function AccountList({ ref }: { ref: Ref<HTMLUListElement> }) {
  const accounts = useAccounts(useShallow(visibleAccounts));
  const [dragging, setDragging] = useState<string | null>(null);

  const drop = async (targetId: string) => {
    if (!dragging || dragging === targetId) return;
    const to = useAccounts.getState().accounts.findIndex((account) => account.id === targetId);
    setDragging(null);
    const error = await reorderTo(dragging, to);
    if (error) showError(error);
  };

  return (
    <ul id="account-list" className="account-list" aria-label="Accounts" ref={ref}>
      {accounts.map((account) => (
        <AccountRow
          key={account.id}
          account={account}
          dragging={dragging === account.id}
          onDragStart={setDragging}
          onDragEnd={() => setDragging(null)}
          onDrop={(id) => void drop(id)}
        />
      ))}
    </ul>
  );
}
