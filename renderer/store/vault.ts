import { create } from 'zustand';
import type { OlderCopyStatus, VaultStatus } from '../../shared/ipc/settings';
import type { AppErrorData } from '../../shared/errors';
import { api } from '../api';

interface VaultState {
  status: VaultStatus | null;
  error: AppErrorData | null;
}

export const useVault = create<VaultState>(() => ({ status: null, error: null }));

export async function loadVaultStatus(): Promise<void> {
  const result = await api().vaultStatus({});
  useVault.setState(result.ok ? { status: result.value, error: null } : { status: null, error: result.error });
}

/**
 * Returns the error to show beside the passphrase field, or null once the vault is open. Without a
 * passphrase a keychain-mode vault is reopened from the OS keychain (after Touch ID where offered).
 */
export async function unlockVault(passphrase?: string): Promise<AppErrorData | null> {
  const result = await api().vaultUnlock(passphrase ? { passphrase } : {});
  if (!result.ok) return result.error;
  useVault.setState({ status: result.value, error: null });
  return result.value.state === 'unlocked' ? null : { code: 'VAULT_LOCKED', message: result.value.error?.message ?? 'The vault is still locked.' };
}

/** Keeps the older copy the person confirmed; returns the error to show, or null once it is the vault. */
export async function acceptOlderCopy(confirmed: OlderCopyStatus): Promise<AppErrorData | null> {
  const result = await api().vaultAcceptOlder(confirmed);
  if (!result.ok) {
    await loadVaultStatus();
    return result.error;
  }
  useVault.setState({ status: result.value, error: null });
  return null;
}
