import { MANAGED_FEATURES, managedPolicyShape, type ManagedFeature, type ManagedPolicy, type PolicyKey } from '../../../shared/policy/policy-schema';

export interface ValidatedPolicy {
  policy: ManagedPolicy;
  problems: string[];
}

/** Names from a policy file reach screens and terminals: only plain name characters are shown. */
const shown = (text: string) => text.slice(0, 60).replace(/[^\w.-]/g, '?');

const isFeature = (value: unknown): value is ManagedFeature => typeof value === 'string' && (MANAGED_FEATURES as readonly string[]).includes(value);

/**
 * Reads a policy object key by key, so one bad value does not void the rest. The reading is the strictest
 * safe one: an unknown key is ignored with a warning; an invalid value is ignored with a warning (it
 * applies no limit, and it never grants anything: an invalid allowOtherPushOrgs counts as false); in a
 * disabledFeatures list, the names that are understood still switch their features off.
 */
export function validatePolicy(value: unknown, origin: string): ValidatedPolicy {
  const problems: string[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { policy: {}, problems: [`The policy in ${origin} is not an object of settings, so none of it applies.`] };
  }
  const policy: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(value)) {
    if (!Object.hasOwn(managedPolicyShape, key)) {
      problems.push(`The policy in ${origin} has an unknown setting "${shown(key)}", which was ignored.`);
      continue;
    }
    const name = key as PolicyKey;
    const parsed = managedPolicyShape[name].safeParse(raw);
    if (parsed.success) {
      policy[name] = parsed.data;
      continue;
    }
    if (name === 'disabledFeatures' && Array.isArray(raw)) {
      const known = [...new Set(raw.filter(isFeature))];
      policy.disabledFeatures = known;
      const unknown = raw.filter((entry) => !isFeature(entry)).map((entry) => shown(String(entry)));
      problems.push(`The policy in ${origin} lists features Traykey does not know in disabledFeatures (${unknown.join(', ')}); the others are switched off.`);
      continue;
    }
    if (name === 'allowOtherPushOrgs') policy.allowOtherPushOrgs = false;
    problems.push(`The policy in ${origin} has an invalid value for ${name}, which was ignored${name === 'allowOtherPushOrgs' ? ' (other orgs are not allowed)' : ''}.`);
  }
  return { policy: policy as ManagedPolicy, problems };
}
