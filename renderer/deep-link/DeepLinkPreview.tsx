import './deep-link.css';
import { useEffect, type KeyboardEvent } from 'react';
import { api } from '../api';
import type { OtpType } from '../../shared/accounts';
import { acceptLink, describe, dismissLink, loadPendingLink, useDeepLink } from './deep-link-store';

const KIND: Record<OtpType, string> = { totp: 'time-based', hotp: 'counter-based', steam: 'Steam Guard' };

/**
 * Asks before adding an account a link offered. The link came from any web page or document, so
 * the safe answer has the focus: Enter or Escape right away dismisses it; Add takes a deliberate Tab.
 */
export function DeepLinkPreview() {
  const preview = useDeepLink((state) => state.preview);
  const busy = useDeepLink((state) => state.busy);
  useEffect(() => {
    void loadPendingLink();
    return api().on('deepLink:received', () => void loadPendingLink());
  }, []);
  if (!preview) return null;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      void dismissLink();
    } else if (event.key === 'Tab') {
      // Keep focus inside the dialog while it is open.
      const buttons = [...event.currentTarget.querySelectorAll('button')];
      const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
      const next = buttons[(at + (event.shiftKey ? buttons.length - 1 : 1)) % buttons.length];
      event.preventDefault();
      next?.focus();
    }
  };

  return (
    <div className="deep-link-backdrop">
      <div className="confirm deep-link" role="alertdialog" aria-modal="true" aria-labelledby="deep-link-title" aria-describedby="deep-link-text" onKeyDown={onKeyDown}>
        <p id="deep-link-title">
          <strong>Add {describe(preview)}?</strong>
        </p>
        <p id="deep-link-text">A link offered this {KIND[preview.type]} account. Add it only if you expected it.</p>
        <div className="form-actions">
          <button type="button" autoFocus onClick={() => void dismissLink()}>
            Dismiss
          </button>
          <button type="button" className="primary" aria-busy={busy} onClick={() => void acceptLink()}>
            Add
          </button>
        </div>
      </div>
    </div>
  );
}
