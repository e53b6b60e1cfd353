import { orgAddress, type ManagedPolicy } from '../../../shared/policy/policy-schema';
import type { ApprovalSetUp } from '../../../shared/ipc/push';
import type { PolicyService } from '../policy/policy-service';
import type { SignInMethod } from './oidc-signin';
import type { StoredEnrolment } from './push-record';
import type { PushService } from './push-service';

/**
 * What the organisation set up for approvals and this computer has not enrolled yet: each becomes a
 * one-click "Set up sign-in approvals for <org>", so nobody types an org address or a client id.
 */
export function approvalSetUp(policy: ManagedPolicy, enrolments: readonly Pick<StoredEnrolment, 'orgUrl'>[]): Omit<ApprovalSetUp, 'userVerifier'> {
  const enrolled = new Set(enrolments.map((enrolment) => orgAddress(enrolment.orgUrl)));
  const offers = (policy.pushOrgs ?? [])
    .filter((org) => !enrolled.has(orgAddress(org.url)))
    .map((org) => ({ org: org.url, clientId: org.clientId, name: org.name ?? new URL(org.url).hostname }));
  return { offers, otherOrgsAllowed: policy.allowOtherPushOrgs ?? (policy.pushOrgs ?? []).length === 0 };
}

/**
 * The one way an enrolment starts, from the Approvals view, a traykey://enrol-push link or the CLI:
 * the policy is asked first, so an org the organisation did not allow is refused before any browser opens
 * or any password is read.
 */
export async function enrolAllowedOrg(
  deps: { push: Pick<PushService, 'enrol'>; policy: Pick<PolicyService, 'assertPushOrgAllowed'> },
  input: { orgUrl: string; clientId: string; signIn: () => SignInMethod | Promise<SignInMethod> },
): Promise<StoredEnrolment> {
  deps.policy.assertPushOrgAllowed(input.orgUrl);
  return deps.push.enrol({ orgUrl: input.orgUrl, clientId: input.clientId, signIn: await input.signIn() });
}
