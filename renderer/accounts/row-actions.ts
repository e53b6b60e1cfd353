import { copyCode, deleteAccount, undoDelete } from '../store/accounts';
import { appMessage } from '../ui/app-wording';
import { showError, showToast } from '../store/toasts';

export async function copyAccountCode(id: string, name: string): Promise<void> {
  const result = await copyCode(id);
  if (!result.ok) {
    showError(result.error);
    return;
  }
  const clears = result.clearsInSeconds > 0 ? ` It clears from the clipboard in ${result.clearsInSeconds} s.` : '';
  showToast({ message: `Copied the code for ${name}.${clears}` }, 3000);
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
