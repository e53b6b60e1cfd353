import { appError } from '../../../shared/errors';
import { featureOffMessage, pushOrgAllowed, SET_BY_ORGANISATION, type ManagedFeature, type ManagedPolicy, type PolicyStatus } from '../../../shared/policy/policy-schema';
import type { PolicySource } from './policy-source';
import { validatePolicy } from './validate-policy';

export const NO_POLICY: PolicyStatus = { managed: false, sources: [], policy: {}, problems: [] };

/**
 * The organisation's policy in force. Read from the OS's managed locations at start and again on
 * `reload()` (main polls; the CLI reads once); with no policy anywhere, everything is as the person set it.
 */
export class PolicyService {
  private status: PolicyStatus = NO_POLICY;
  private readonly listeners = new Set<(status: PolicyStatus) => void>();

  constructor(private readonly sources: readonly PolicySource[]) {}

  /** Reads every source again; tells listeners when what is in force changed. */
  async reload(): Promise<PolicyStatus> {
    const next = await readSources(this.sources);
    const changed = JSON.stringify(next) !== JSON.stringify(this.status);
    this.status = next;
    if (changed) for (const listener of [...this.listeners]) listener(next);
    return next;
  }

  current(): PolicyStatus {
    return this.status;
  }

  get policy(): ManagedPolicy {
    return this.status.policy;
  }

  onChange(listener: (status: PolicyStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  isOff(feature: ManagedFeature): boolean {
    return this.status.policy.disabledFeatures?.includes(feature) ?? false;
  }

  /** Throws the sentence a person sees when the feature is switched off. */
  assertOn(feature: ManagedFeature): void {
    if (this.isOff(feature)) throw appError('MANAGED_BY_POLICY', featureOffMessage(feature));
  }

  assertPushOrgAllowed(orgUrl: string): void {
    if (!pushOrgAllowed(this.status.policy, orgUrl)) {
      throw appError('MANAGED_BY_POLICY', `Your organisation allows sign-in approvals only for the orgs it set up (${SET_BY_ORGANISATION.toLowerCase()}); this org is not one of them.`);
    }
  }
}

/** The policy read once from `sources`, as main and the CLI both start from it (main then watches the files). */
export async function readPolicy(sources: readonly PolicySource[]): Promise<PolicyService> {
  const policy = new PolicyService(sources);
  await policy.reload();
  return policy;
}

/** The first source that has a policy wins: each OS has one managed location (Windows merges its two itself). */
async function readSources(sources: readonly PolicySource[]): Promise<PolicyStatus> {
  for (const source of sources) {
    const read = await source.read();
    if (!read.found) continue;
    if ('problem' in read) return { managed: true, sources: [read.origin], policy: {}, problems: [read.problem] };
    const { policy, problems } = validatePolicy(read.value, read.origin);
    return { managed: true, sources: [read.origin], policy, problems };
  }
  return NO_POLICY;
}
