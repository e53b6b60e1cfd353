import { copyCode, deleteAccount, undoDelete } from '../store/accounts';
import { showToast } from '../store/toasts';

export async function copyAccountCode(id: string, name: string): Promise<void> {
  const result = await copyCode(id);
  if (!result.ok) {
    showToast({ message: result.error.message, tone: 'error' });
    return;
  }
  const clears = result.clearsInSeconds > 0 ? ` It clears from the clipboard in ${result.clearsInSeconds} s.` : '';
  showToast({ message: `Copied the code for ${name}.${clears}` }, 3000);
}

export async function deleteWithUndo(id: string): Promise<void> {
  const result = await deleteAccount(id);
  if (!result.ok) {
    showToast({ message: result.error.message, tone: 'error' });
    return;
  }
  const undo = async () => {
    const error = await undoDelete(result.undoToken);
    showToast(error ? { message: error.message, tone: 'error' } : { message: `Restored ${result.name}.` }, 3000);
  };
  showToast({ message: `Deleted ${result.name}.`, action: { label: 'Undo', run: () => void undo() } }, 10_000);
}
