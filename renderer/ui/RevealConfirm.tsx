import { useId, type ReactNode } from 'react';

interface RevealConfirmProps {
  /** A question naming what is about to be shown, when the warning alone does not. */
  title?: ReactNode;
  /** Who could copy what once it is on the screen or in the file. */
  warning: ReactNode;
  /** The dangerous button, named for what it does ("Show secret", "Show QR codes", "Save file in clear…"). */
  confirmLabel: string;
  busy?: boolean;
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * The one confirmation before a secret leaves the vault in clear (on the screen as text or QR codes, or
 * in an export file): the warning, Cancel first and focused so Enter never reveals by accident, and
 * Escape cancels this step only (not the view around it). Main is asked for the secret only from onConfirm.
 */
export function RevealConfirm({ title, warning, confirmLabel, busy = false, error, onConfirm, onCancel }: RevealConfirmProps) {
  const id = useId();
  return (
    <div
      className="confirm"
      role="alertdialog"
      aria-labelledby={title ? `${id}-title` : `${id}-warning`}
      aria-describedby={title ? `${id}-warning` : undefined}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        onCancel();
      }}
    >
      {title ? (
        <p id={`${id}-title`}>
          <strong>{title}</strong>
        </p>
      ) : null}
      <p id={`${id}-warning`}>{warning}</p>
      <div className="form-actions">
        <button type="button" autoFocus onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="primary danger" disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
