import { useEffect, useRef, useState } from 'react';
import type { MigrationQrImage } from '../../shared/ipc/transfer';

/** The export's QR codes one at a time, to scan in order; Done drops them. */
export function MigrationSteps({ codes, count, onDone }: { codes: MigrationQrImage[]; count: number; onDone: () => void }) {
  const [position, setPosition] = useState(0);
  const done = useRef<HTMLButtonElement>(null);
  // Next (or Previous) turns disabled at the last (or first) code: keep the keyboard focus in the panel.
  useEffect(() => {
    const active = document.activeElement;
    if (active === document.body || (active instanceof HTMLButtonElement && active.disabled)) done.current?.focus();
  }, [position]);
  const code = codes[position];
  if (!code) return null;
  const step = `${code.index + 1} of ${code.count}`;
  return (
    <div
      className="qr-panel"
      role="group"
      aria-label="Transfer QR codes"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        onDone();
      }}
    >
      <p className="hint">
        In Google Authenticator choose Transfer accounts, then Import accounts, and scan {codes.length === 1 ? 'this code' : 'each code in turn'} ({count === 1 ? '1 account' : `${count} accounts`}).
      </p>
      <figure>
        <img className="qr-image" src={code.dataUrl} alt={`Transfer QR code ${step}`} />
        <figcaption aria-live="polite">{step}</figcaption>
      </figure>
      <div className="transfer-step">
        <button type="button" disabled={position === 0} onClick={() => setPosition(position - 1)}>
          Previous
        </button>
        <button type="button" disabled={position === codes.length - 1} onClick={() => setPosition(position + 1)}>
          Next
        </button>
        <button ref={done} type="button" className="primary" autoFocus onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}
