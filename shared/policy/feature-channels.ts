import type { ManagedFeature } from './policy-text';

/** Whole call domains that belong to one feature: every call in them is refused when it is off. */
const FEATURE_DOMAINS: Partial<Record<ManagedFeature, readonly string[]>> = {
  admin: ['admin', 'confirm'],
  sync: ['sync'],
};

/** Single calls that belong to a feature inside a domain that is otherwise always on. */
export const FEATURE_CHANNELS: Partial<Record<ManagedFeature, readonly string[]>> = {
  admin: ['windows:openAdmin'],
  transfer: ['transfer:migrationQrs'],
  showSecret: ['accounts:reveal', 'transfer:accountQr'],
  backupExport: ['backup:export'],
  export: ['backup:exportForApp'],
};

/** The feature a call belongs to, if an organisation can switch it off. */
export function featureOfChannel(channel: string): ManagedFeature | undefined {
  const domain = channel.split(':')[0] ?? '';
  for (const [feature, domains] of Object.entries(FEATURE_DOMAINS)) if (domains.includes(domain)) return feature as ManagedFeature;
  for (const [feature, list] of Object.entries(FEATURE_CHANNELS)) if (list.includes(channel)) return feature as ManagedFeature;
  return undefined;
}
