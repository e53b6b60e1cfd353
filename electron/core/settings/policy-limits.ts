import { appError, type AppError } from '../../../shared/errors';
import type { Settings } from '../../../shared/ipc/settings';
import { SET_BY_ORGANISATION, type ManagedPolicy } from '../../../shared/policy/policy-schema';

/** The settings as they apply under the policy: a stored choice past an organisation's limit gives way to the limit. */
export function settingsUnderPolicy(settings: Settings, policy: ManagedPolicy): Settings {
  const effective = { ...settings };
  const lockLimit = policy.minLockTimeoutMinutes;
  if (lockLimit !== undefined && (effective.lockAfterMinutes === 0 || effective.lockAfterMinutes > lockLimit)) effective.lockAfterMinutes = lockLimit;
  const clearLimit = policy.maxClipboardClearSeconds;
  if (clearLimit !== undefined && (effective.clipboardClearSeconds === 0 || effective.clipboardClearSeconds > clearLimit)) effective.clipboardClearSeconds = clearLimit;
  if (policy.disabledFeatures?.includes('admin')) effective.adminArea = false;
  if (policy.updates?.check !== undefined) effective.updateChecks = policy.updates.check;
  if (policy.updates?.channel !== undefined) effective.updateChannel = policy.updates.channel;
  return effective;
}

/** Why a change goes past the policy, as the sentence a person sees; undefined when it is allowed. */
export function settingsChangeRefusal(change: Partial<Settings>, policy: ManagedPolicy): AppError | undefined {
  const refuse = (field: keyof Settings, what: string) => appError('MANAGED_BY_POLICY', `${SET_BY_ORGANISATION}: ${what}`, { field });
  const lockLimit = policy.minLockTimeoutMinutes;
  if (change.lockAfterMinutes !== undefined && lockLimit !== undefined && (change.lockAfterMinutes === 0 || change.lockAfterMinutes > lockLimit)) {
    return refuse('lockAfterMinutes', `the vault locks after at most ${lockLimit} idle minutes.`);
  }
  const clearLimit = policy.maxClipboardClearSeconds;
  if (change.clipboardClearSeconds !== undefined && clearLimit !== undefined && (change.clipboardClearSeconds === 0 || change.clipboardClearSeconds > clearLimit)) {
    return refuse('clipboardClearSeconds', `copied codes are cleared after at most ${clearLimit} seconds.`);
  }
  if (change.adminArea === true && policy.disabledFeatures?.includes('admin')) return refuse('adminArea', 'the Admin area is switched off.');
  const updates = policy.updates;
  if (change.updateChecks !== undefined && updates?.check !== undefined && change.updateChecks !== updates.check) {
    return refuse('updateChecks', `update checks are ${updates.check ? 'on' : 'off'}.`);
  }
  if (change.updateChannel !== undefined && updates?.channel !== undefined && change.updateChannel !== updates.channel) {
    return refuse('updateChannel', `updates come from the ${updates.channel} channel.`);
  }
  return undefined;
}
