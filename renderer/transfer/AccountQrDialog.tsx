import { useState, type KeyboardEvent } from 'react';
import type { AccountQrImage } from '../../shared/ipc/transfer';
import { displayName } from '../../shared/account-names';
import { api } from '../api';
import { RevealConfirm } from '../ui/RevealConfirm';
import './transfer.css';

/**
 * One account as an otpauth:// QR code, to scan with a phone. The code holds the secret, so main is
 * asked only after the user confirmed; the image is dropped on close. Esc closes this, not the details.
 */
export function AccountQrDialog({ id, name, onClose }: { id: string; name: string; onClose: () => void }) {
  const [image, setImage] = useState<AccountQrImage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    onClose();
  };

  const show = async () => {
    setBusy(true);
    const result = await api().transferAccountQr({ id });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setImage(result.value);
  };

  if (!image) {
    return (
      <RevealConfirm
        title={`Show ${name} as a QR code?`}
        warning="This shows the secret: anyone who sees the code can copy this account."
        confirmLabel="Show QR code"
        busy={busy}
        error={error}
        onConfirm={() => void show()}
        onCancel={onClose}
      />
    );
  }

  const shownName = displayName(image);
  return (
    <div className="qr-panel" role="dialog" aria-label={`QR code for ${shownName}`} onKeyDown={onKeyDown}>
      <figure>
        <img className="qr-image" src={image.dataUrl} alt={`QR code for ${shownName}; scan it with an authenticator app`} />
        <figcaption>{shownName}</figcaption>
      </figure>
      <button type="button" autoFocus onClick={onClose}>
        Close QR code
      </button>
    </div>
  );
}
