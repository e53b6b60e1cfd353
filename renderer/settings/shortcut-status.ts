/** The global shortcut as main holds it; Settings shows it and changes it. */
import type { ShortcutStatus } from '../../shared/ipc/shortcut';
import type { AppErrorData } from '../../shared/errors';
import { api } from '../api';
import { useMainStatus } from '../store/use-main-status';

export function useShortcutStatus(): [ShortcutStatus | null, (status: ShortcutStatus) => void] {
  return useMainStatus(() => api().shortcutStatus({}), 'shortcut:changed');
}

/** While Settings listens for new keys, main gives the current ones back so pressing them reaches the page. */
export function listenForShortcut(listening: boolean): void {
  void api().shortcutListen({ listening });
}

/** Makes `accelerator` the shortcut (null turns it off); a refusal comes back as the sentence to show. */
export async function changeShortcut(accelerator: string | null): Promise<{ status: ShortcutStatus } | { error: AppErrorData }> {
  const result = await api().shortcutSet({ accelerator });
  return result.ok ? { status: result.value } : { error: result.error };
}
