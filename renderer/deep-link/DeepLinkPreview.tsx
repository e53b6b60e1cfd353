import './deep-link.css';
import { useEffect, type KeyboardEvent } from 'react';
import { api } from '../api';
import type { OtpType } from '../../shared/accounts';
import type { DeepLinkPreviewData } from '../../shared/ipc/deep-link';
import { displayName } from '../../shared/account-names';
import { acceptLink, dismissLink, loadPendingLink, useDeepLink } from './deep-link-store';

const KIND: Record<OtpType, string> = { totp: 'time-based', hotp: 'counter-based', steam: 'Steam Guard' };

/**
 * Asks before acting on a link: adding the account it offers, or setting up approvals with its org. The
 * link came from any web page or document, so the safe answer has the focus: Enter or Escape right away
 * dismisses it; Add or Set up takes a deliberate Tab.
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
        {preview.kind === 'account' ? <AccountOffer preview={preview} busy={busy} /> : <ApprovalsOffer preview={preview} busy={busy} />}
      </div>
    </div>
  );
}

function AccountOffer({ preview, busy }: { preview: Extract<DeepLinkPreviewData, { kind: 'account' }>; busy: boolean }) {
  return (
    <>
      <p id="deep-link-title">
        <strong>Add {displayName(preview)}?</strong>
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
    </>
  );
}

/**
 * A link asking this computer to approve sign-ins for an org. Approving sign-ins is powerful, so the org's
 * address is shown in full, and an org the organisation did not allow offers nothing but Dismiss.
 */
function ApprovalsOffer({ preview, busy }: { preview: Extract<DeepLinkPreviewData, { kind: 'enrol-push' }>; busy: boolean }) {
  return (
    <>
      <p id="deep-link-title">
        <strong>Set up sign-in approvals for {preview.name}?</strong>
      </p>
      <div id="deep-link-text">
        <p className="deep-link-org">{preview.org}</p>
        {preview.refusal ? (
          <p className="field-error">{preview.refusal}</p>
        ) : (
          <p>{busy ? 'Finish signing in in your browser…' : 'This computer will be able to approve sign-ins to this org. You will sign in to it in your browser. Continue only if your IT team sent you this link.'}</p>
        )}
      </div>
      <div className="form-actions">
        <button type="button" autoFocus onClick={() => void dismissLink()}>
          Dismiss
        </button>
        {preview.refusal ? null : (
          <button type="button" className="primary" aria-busy={busy} disabled={busy} onClick={() => void acceptLink()}>
            Set up
          </button>
        )}
      </div>
    </>
  );
}
