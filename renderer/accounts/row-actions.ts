import { copyCode, deleteAccount, markCopied, undoDelete } from '../store/accounts';
import { appMessage } from '../ui/app-wording';
import { showError, showToast } from '../store/toasts';

/** Copies through main; the row says "Copied ✓" and the one-line toast says when the clipboard is cleared. True once copied. */
export async function copyAccountCode(id: string): Promise<boolean> {
  const result = await copyCode(id);
  if (!result.ok) {
    showError(result.error);
    return false;
  }
  markCopied(id);
  const clears = result.clearsInSeconds > 0 ? `Clipboard clears in ${result.clearsInSeconds} s.` : 'It stays on the clipboard.';
  showToast({ message: `Copied. ${clears}` }, 3000);
  return true;
}

export async function deleteWithUndo(id: string): Promise<void> {
  const result = await deleteAccount(id);
  if (!result.ok) {
    showError(result.error);
    return;
  }
  const undo = async () => {
    const error = await undoDelete(result.undoToken);
    showToast(error ? { message: appMessage(error), tone: 'error' } : { message: `Restored ${result.name}.` }, 3000);
  };
  showToast({ message: `Deleted ${result.name}.`, action: { label: 'Undo', run: () => void undo() } }, 10_000);
}
