import { z } from 'zod';

import { MANAGED_FEATURES } from './policy-text';

export { MANAGED_FEATURES, SET_BY_ORGANISATION, featureOffMessage, type ManagedFeature } from './policy-text';

export const UPDATE_CHANNELS = ['latest', 'beta'] as const;

export const pushOrgSchema = z
  .object({
    url: z.url({ protocol: /^https$/ }).max(2048).meta({ description: 'The Okta org, https only, e.g. https://example.okta.com', pattern: '^https://' }),
    clientId: z.string().min(1).max(200).meta({ description: 'The OIDC client id of the org’s Traykey app integration' }),
  })
  .strict();

/**
 * The managed policy: one JSON object with the same keys in every source (Linux file, macOS managed
 * preferences, Windows registry). Every key is optional; an absent key leaves the person's choice alone.
 */
export const managedPolicyShape = {
  pushOrgs: z.array(pushOrgSchema).max(20).meta({ description: 'Orgs offered for sign-in approvals (one-click set-up).' }),
  allowOtherPushOrgs: z.boolean().meta({ description: 'Whether people may enrol orgs not listed in pushOrgs. Default: true when pushOrgs is absent, false when it is set.' }),
  disabledFeatures: z.array(z.enum(MANAGED_FEATURES)).max(MANAGED_FEATURES.length).meta({ description: 'Features switched off in the app and the CLI.' }),
  minLockTimeoutMinutes: z.number().int().min(1).max(1440).meta({
    description: 'The strictest lock people must keep: the vault locks after at most this many idle minutes (a shorter time may be chosen; never-lock may not).',
  }),
  maxClipboardClearSeconds: z.number().int().min(5).max(600).meta({ description: 'A copied code is cleared from the clipboard after at most this many seconds.' }),
  updates: z
    .object({
      channel: z.enum(UPDATE_CHANNELS).optional().meta({ description: 'The update channel people get.' }),
      check: z.boolean().optional().meta({ description: 'Whether Traykey checks for updates by itself.' }),
    })
    .strict()
    .meta({ description: 'Update channel and automatic checks.' }),
};
export const managedPolicySchema = z.object(managedPolicyShape).partial().strict().meta({
  title: 'Traykey managed policy',
  description: 'Settings an organisation sets for Traykey through device management.',
});
export type ManagedPolicy = z.infer<typeof managedPolicySchema>;
export type PolicyKey = keyof typeof managedPolicyShape;

/** What main tells the renderer (and the CLI prints): the policy in force and what was wrong with it. */
export const policyStatusSchema = z.object({
  managed: z.boolean(),
  /** Where it was read from, e.g. "/etc/traykey/policy.json". */
  sources: z.array(z.string().max(300)).max(8),
  policy: managedPolicySchema,
  /** One sentence each: an unreadable source, an invalid value, an unknown key. */
  problems: z.array(z.string().max(500)).max(50),
});
export type PolicyStatus = z.infer<typeof policyStatusSchema>;

/** Whether people may enrol this org for approvals: a listed org always; another only where allowed. */
export function pushOrgAllowed(policy: ManagedPolicy, orgUrl: string): boolean {
  const listed = policy.pushOrgs ?? [];
  const origin = (url: string) => {
    try {
      return new URL(url).origin;
    } catch {
      return url;
    }
  };
  if (listed.some((org) => origin(org.url) === origin(orgUrl))) return true;
  return policy.allowOtherPushOrgs ?? listed.length === 0;
}
