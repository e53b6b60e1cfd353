import { useEffect } from 'react';
import { api } from '../api';
import { showSearch, useNavigation } from '../store/navigation';
import { views } from './views';

/**
 * Summoned by the global shortcut, the popup is there to find a code: the account search gets the
 * cursor. A section where the person was half-way through typing (adding an account, a backup
 * passphrase) is left as it was, since leaving it would throw that away.
 */
export function useShownByShortcut(): void {
  useEffect(
    () =>
      api().on('popup:shownByShortcut', () => {
        const current = views.find((view) => view.id === useNavigation.getState().view);
        if (!current?.holdsTyping) showSearch();
      }),
    [],
  );
}
