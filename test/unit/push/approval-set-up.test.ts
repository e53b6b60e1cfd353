import { describe, expect, it, vi } from 'vitest';
import { approvalSetUp, enrolAllowedOrg } from '../../../electron/core/push/approval-set-up';
import { PolicyService } from '../../../electron/core/policy/policy-service';
import type { PolicySource } from '../../../electron/core/policy/policy-source';
import type { StoredEnrolment } from '../../../electron/core/push/push-record';

const ACME = { url: 'https://acme.okta.com', clientId: '0oa1traykey', name: 'Acme' };

async function policyOf(value: unknown): Promise<PolicyService> {
  const source: PolicySource = { read: async () => ({ found: true, origin: 'test', value }) };
  const service = new PolicyService([source]);
  await service.reload();
  return service;
}

describe('what the organisation set up for approvals', () => {
  it('offers each listed org not yet enrolled here, by the name the organisation gave it or its host', () => {
    const setUp = approvalSetUp({ pushOrgs: [ACME, { url: 'https://beta.okta.com', clientId: '0oa2' }] }, [{ orgUrl: 'https://beta.okta.com/' }]);
    expect(setUp).toEqual({ offers: [{ org: 'https://acme.okta.com', clientId: '0oa1traykey', name: 'Acme' }], otherOrgsAllowed: false });
    expect(approvalSetUp({ pushOrgs: [{ url: 'https://beta.okta.com', clientId: '0oa2' }] }, []).offers[0]?.name).toBe('beta.okta.com');
  });

  it('lets people enrol any org without a policy, and other orgs only where the policy allows them', () => {
    expect(approvalSetUp({}, [])).toEqual({ offers: [], otherOrgsAllowed: true });
    expect(approvalSetUp({ pushOrgs: [ACME], allowOtherPushOrgs: true }, []).otherOrgsAllowed).toBe(true);
    expect(approvalSetUp({ pushOrgs: [ACME] }, []).otherOrgsAllowed).toBe(false);
  });
});

describe('starting an enrolment', () => {
  const enrolment = { orgUrl: ACME.url } as StoredEnrolment;

  it('refuses an org the policy does not allow before the sign-in is even prepared', async () => {
    const push = { enrol: vi.fn(async () => enrolment) };
    const signIn = vi.fn(() => ({ kind: 'password' as const, username: 'ana', password: 'pw' }));
    const policy = await policyOf({ pushOrgs: [ACME], allowOtherPushOrgs: false });
    await expect(enrolAllowedOrg({ push, policy }, { orgUrl: 'https://evil.okta.com', clientId: 'x', signIn })).rejects.toMatchObject({ code: 'MANAGED_BY_POLICY' });
    expect(signIn).not.toHaveBeenCalled();
    expect(push.enrol).not.toHaveBeenCalled();
  });

  it('enrols a listed org (however its address is written) with the sign-in it was given', async () => {
    const push = { enrol: vi.fn(async () => enrolment) };
    const policy = await policyOf({ pushOrgs: [ACME], allowOtherPushOrgs: false });
    await expect(enrolAllowedOrg({ push, policy }, { orgUrl: 'https://ACME.okta.com/', clientId: '0oa1traykey', signIn: () => ({ kind: 'password', username: 'ana', password: 'pw' }) })).resolves.toBe(enrolment);
    expect(push.enrol).toHaveBeenCalledWith({ orgUrl: 'https://ACME.okta.com/', clientId: '0oa1traykey', signIn: { kind: 'password', username: 'ana', password: 'pw' } });
  });
});
