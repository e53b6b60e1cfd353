import { useEffect } from 'react';
import { dismissToast, useToasts } from '../store/toasts';

/** The toast region is always in the page so screen readers announce what appears in it. */
export function ToastArea() {
  const toast = useToasts((state) => state.toast);

  useEffect(() => {
    const action = toast?.action;
    if (!action) return;
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z') {
        event.preventDefault();
        action.run();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [toast]);

  return (
    <div className="toast-region" role="status" aria-live="polite" aria-label="Messages">
      {toast ? (
        <div className={`toast toast-${toast.tone}`}>
          <span className="toast-message">{toast.message}</span>
          {toast.action ? (
            <button type="button" className="toast-action" onClick={toast.action.run}>
              {toast.action.label}
            </button>
          ) : null}
          <button type="button" className="toast-close" aria-label="Dismiss" onClick={() => dismissToast(toast.id)}>
            ×
          </button>
        </div>
      ) : null}
    </div>
  );
}
