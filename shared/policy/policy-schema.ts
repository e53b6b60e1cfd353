import { z } from 'zod';

import { displayTextProblem } from '../display-text';
import { isSecureAddress } from '../network/loopback-host';
import { MANAGED_FEATURES } from './policy-text';

export { MANAGED_FEATURES, SET_BY_ORGANISATION, featureOffMessage, type ManagedFeature } from './policy-text';

export const UPDATE_CHANNELS = ['latest', 'beta'] as const;

export const pushOrgSchema = z
  .object({
    url: z
      .url({ protocol: /^https?$/ })
      .max(2048)
      .refine(isSecureAddress, 'an org address must be https:// (plain http:// only for this computer)')
      .meta({ description: 'The Okta org, https only (plain http only for this computer, for testing), e.g. https://example.okta.com', pattern: '^(https://|http://(localhost|127\\.|\\[::1\\]))' }),
    clientId: z.string().min(1).max(200).regex(/^[A-Za-z0-9._~-]+$/).meta({ description: 'The OIDC client id of the org’s Traykey app integration' }),
    name: z.string().min(1).max(80).refine((name) => displayTextProblem(name) === null, 'a name must not hold control or text-direction characters').optional().meta({ description: 'The org’s name as employees know it, shown on the set-up button (default: the org’s host name).' }),
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
  if (listed.some((org) => orgAddress(org.url) === orgAddress(orgUrl))) return true;
  return policy.allowOtherPushOrgs ?? listed.length === 0;
}

/**
 * An org as one address, so `https://acme.okta.com/` and `https://ACME.okta.com` are the same org: the
 * origin, and the path where an org lives below one (a proxy, a simulator), without a trailing slash.
 */
export function orgAddress(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
  } catch {
    return url;
  }
}
