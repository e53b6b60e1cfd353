/**
 * The words and names of managed settings, without zod: the renderer imports these, and its CSP forbids
 * the code generation zod's schemas probe for.
 */

/** Features an organisation can switch off; each names what a person loses, not a channel. */
export const MANAGED_FEATURES = ['transfer', 'showSecret', 'export', 'backupExport', 'admin', 'sync'] as const;
export type ManagedFeature = (typeof MANAGED_FEATURES)[number];

export const SET_BY_ORGANISATION = 'Set by your organisation';

const FEATURE_NAMES: Record<ManagedFeature, string> = {
  transfer: 'Transfer to a phone',
  showSecret: 'Showing an account’s secret or QR code',
  export: 'Exporting accounts to another app',
  backupExport: 'Exporting a backup',
  admin: 'The Admin area',
  sync: 'Sync',
};

/** The sentence a person sees when a switched-off feature is used from the app or the CLI. */
export function featureOffMessage(feature: ManagedFeature): string {
  return `${FEATURE_NAMES[feature]} is switched off by your organisation (${SET_BY_ORGANISATION.toLowerCase()}).`;
}

