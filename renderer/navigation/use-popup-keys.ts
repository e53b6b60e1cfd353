import { useEffect } from 'react';
import { useSettings } from '../store/settings';
import { usePolicy } from '../store/policy';
import { goTo, hidePopup } from '../store/navigation';
import { sections } from './views';

/**
 * The popup's own keys: Ctrl+1…5 (⌘1…5 on macOS) open the sections in header order, and Escape
 * hides the popup when nothing on screen used it first (a search to clear, a dialog, Details).
 */
export function usePopupKeys(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      if (event.key === 'Escape') {
        event.preventDefault();
        hidePopup();
        return;
      }
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || !/^[1-5]$/.test(event.key)) return;
      const places = sections(useSettings.getState().settings, usePolicy.getState().status?.policy.disabledFeatures).filter((view) => view.component);
      const target = places[Number(event.key) - 1];
      if (!target) return;
      event.preventDefault();
      goTo(target.id);
    };
    // On window, so every handler nearer the focus (React's, the list's on document) has had its turn.
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
