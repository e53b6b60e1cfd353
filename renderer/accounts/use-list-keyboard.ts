import { useEffect, type RefObject } from 'react';
import { moveAccount, moveSelection, setQuery, startRename, useAccounts } from '../store/accounts';
import { showError } from '../store/toasts';
import { hidePopup, openDetails } from '../store/navigation';
import { copyAccountCode, deleteWithUndo } from './row-actions';

function isTextEntry(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.matches('input, textarea, select'));
}

/**
 * Keyboard first: typing anywhere searches, arrows move the selection, Enter copies (and hides the popup),
 * Alt+arrows reorder, F2 renames, Delete deletes (with Undo), Escape clears the search.
 */
export function useListKeyboard(search: RefObject<HTMLInputElement | null>, list: RefObject<HTMLUListElement | null>): void {
  useEffect(() => {
    // Every visible row is already in the DOM, so focus can move before React updates tabIndex.
    const focusSelectedRow = () => {
      const id = useAccounts.getState().selectedId;
      if (!id || !list.current?.contains(document.activeElement)) return;
      const row = list.current.querySelector<HTMLElement>(`[data-account-id="${CSS.escape(id)}"] .row-main`);
      row?.focus();
    };

    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const inSearch = event.target === search.current;
      if (isTextEntry(event.target) && !inSearch) return;
      const state = useAccounts.getState();
      const selected = state.accounts.find((account) => account.id === state.selectedId);
      const plain = !event.ctrlKey && !event.metaKey && !event.altKey;

      if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && !event.ctrlKey && !event.metaKey) {
        event.preventDefault();
        const delta = event.key === 'ArrowDown' ? 1 : -1;
        if (event.altKey) {
          if (selected) void moveAccount(selected.id, delta).then((error) => error && showError(error));
          return;
        }
        moveSelection(delta);
        focusSelectedRow();
        return;
      }
      if (event.key === 'Enter' && plain && (inSearch || event.target === document.body)) {
        if (selected) {
          event.preventDefault();
          // Summon, type, Enter: the code is on the clipboard and the popup is out of the way.
          void copyAccountCode(selected.id).then((copied) => copied && hidePopup());
        }
        return;
      }
      if (event.key === 'Escape' && state.query !== '') {
        event.preventDefault();
        setQuery('');
        search.current?.focus();
        return;
      }
      if (inSearch) return;
      if (event.key === 'F2' && selected) {
        event.preventDefault();
        startRename(selected.id);
        return;
      }
      if (event.key === 'Delete' && selected) {
        event.preventDefault();
        void deleteWithUndo(selected.id);
        return;
      }
      if (event.key === 'i' && event.ctrlKey && selected) {
        event.preventDefault();
        openDetails(selected.id);
        return;
      }
      if (plain && event.key.length === 1 && event.key !== ' ') {
        event.preventDefault();
        setQuery(state.query + event.key);
        search.current?.focus();
      }
    };

    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [search, list]);
}
