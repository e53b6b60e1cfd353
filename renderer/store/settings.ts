import { create } from 'zustand';
import type { Settings } from '../../shared/ipc/settings';
import type { AppErrorData } from '../../shared/errors';
import { api } from '../api';

interface SettingsState {
  settings: Settings | null;
  error: AppErrorData | null;
}

export const useSettings = create<SettingsState>(() => ({ settings: null, error: null }));

export async function loadSettings(): Promise<void> {
  const result = await api().settingsGet({});
  useSettings.setState(result.ok ? { settings: result.value, error: null } : { error: result.error });
}

export async function saveSettings(change: Partial<Settings>): Promise<AppErrorData | null> {
  const result = await api().settingsSet(change);
  if (!result.ok) return result.error;
  useSettings.setState({ settings: result.value, error: null });
  return null;
}
