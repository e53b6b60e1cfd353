import { useCallback, useRef, useState, type FocusEvent, type RefObject } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { reorderTo, useAccounts, visibleAccounts } from '../store/accounts';
import { showError } from '../store/toasts';
import { AccountRow } from './AccountRow';
import { useListWindow } from './use-list-window';

/**
 * Only the rows near the view are in the page (see list-window.ts); each says where it sits in the
 * whole list, so a screen reader still hears "12 of 500". Rows subscribe to their own code, so a
 * boundary re-renders only the codes that changed.
 */
export function AccountList({ ref }: { ref: RefObject<HTMLUListElement | null> }) {
  const accounts = useAccounts(useShallow(visibleAccounts));
  const selectedId = useAccounts((state) => state.selectedId);
  const [dragging, setDragging] = useState<string | null>(null);
  const draggingId = useRef<string | null>(null);
  const [focusInside, setFocusInside] = useState(false);

  // The focused row and its neighbours stay in the page, so arrow keys always have a row to move
  // focus to; the dragged row stays too, so its drag ends where it began.
  const selectedIndex = focusInside ? accounts.findIndex((account) => account.id === selectedId) : -1;
  const keep = selectedIndex === -1 ? [] : [selectedIndex - 1, selectedIndex, selectedIndex + 1];
  if (dragging) keep.push(accounts.findIndex((account) => account.id === dragging));
  const shown = useListWindow(ref, accounts.length, keep);

  const startDrag = useCallback((id: string) => {
    draggingId.current = id;
    setDragging(id);
  }, []);
  const endDrag = useCallback(() => {
    draggingId.current = null;
    setDragging(null);
  }, []);
  const drop = useCallback(
    (targetId: string) => {
      const from = draggingId.current;
      endDrag();
      if (!from || from === targetId) return;
      const to = useAccounts.getState().accounts.findIndex((account) => account.id === targetId);
      void reorderTo(from, to).then((error) => error && showError(error));
    },
    [endDrag],
  );
  const trackFocus = (event: FocusEvent<HTMLUListElement>) => {
    const next = event.type === 'focus' || event.currentTarget.contains(event.relatedTarget);
    if (next !== focusInside) setFocusInside(next);
  };

  return (
    <ul
      id="account-list"
      className="account-list"
      aria-label="Accounts"
      ref={ref}
      style={{ paddingTop: shown.before, paddingBottom: shown.after }}
      onFocus={trackFocus}
      onBlur={trackFocus}
    >
      {accounts.slice(shown.start, shown.end).map((account, offset) => (
        <AccountRow
          key={account.id}
          account={account}
          position={shown.start + offset + 1}
          total={accounts.length}
          dragging={dragging === account.id}
          onDragStart={startDrag}
          onDragEnd={endDrag}
          onDrop={drop}
        />
      ))}
    </ul>
  );
}
