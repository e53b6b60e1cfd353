import { jsonPolicyFile } from './linux-policy-file';
import { macManagedPreferences } from './macos-managed-preferences';
import type { PolicySource } from './policy-source';
import { windowsRegistryPolicy } from './windows-registry-policy';

/** Where this OS's device management puts Traykey's policy. */
export function platformPolicySources(platform: NodeJS.Platform = process.platform): PolicySource[] {
  if (platform === 'win32') return [windowsRegistryPolicy()];
  if (platform === 'darwin') return [macManagedPreferences()];
  return [jsonPolicyFile()];
}
