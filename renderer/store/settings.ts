import { create } from 'zustand';
import type { Settings } from '../../shared/ipc/settings';
import type { RequestOf } from '../../shared/ipc';
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

export async function saveSettings(change: RequestOf<'settings:set'>): Promise<AppErrorData | null> {
  const result = await api().settingsSet(change);
  if (!result.ok) return result.error;
  useSettings.setState({ settings: result.value, error: null });
  return null;
}

/** Pins an account to the top of the list, or unpins it. */
export async function togglePinned(id: string): Promise<AppErrorData | null> {
  const favourites = useSettings.getState().settings?.favourites ?? [];
  return saveSettings({ favourites: favourites.includes(id) ? favourites.filter((entry) => entry !== id) : [...favourites, id] });
}

/** A brand icon's slug, "initials", or null to match on the issuer again. */
export async function chooseIcon(id: string, choice: string | null): Promise<AppErrorData | null> {
  const { [id]: _previous, ...others } = useSettings.getState().settings?.accountIcons ?? {};
  return saveSettings({ accountIcons: choice === null ? others : { ...others, [id]: choice } });
}
