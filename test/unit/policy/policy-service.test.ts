import { describe, expect, it } from 'vitest';
import { PolicyService } from '../../../electron/core/policy/policy-service';
import type { PolicyRead, PolicySource } from '../../../electron/core/policy/policy-source';
import { validatePolicy } from '../../../electron/core/policy/validate-policy';

const source = (read: () => PolicyRead): PolicySource => ({ read: async () => read() });
const ORIGIN = '/etc/traykey/policy.json';

describe('reading a policy key by key', () => {
  it('keeps every valid key', () => {
    expect(validatePolicy({ disabledFeatures: ['admin'], maxClipboardClearSeconds: 20 }, ORIGIN)).toEqual({ policy: { disabledFeatures: ['admin'], maxClipboardClearSeconds: 20 }, problems: [] });
  });

  it('ignores an unknown key with a warning that names it', () => {
    const { policy, problems } = validatePolicy({ disabledFeatures: ['admin'], lockEverything: true }, ORIGIN);
    expect(policy).toEqual({ disabledFeatures: ['admin'] });
    expect(problems).toEqual([`The policy in ${ORIGIN} has an unknown setting "lockEverything", which was ignored.`]);
  });

  it('ignores an invalid limit but never reads an invalid grant as a yes', () => {
    const { policy, problems } = validatePolicy({ minLockTimeoutMinutes: 'ten', allowOtherPushOrgs: 'yes', maxClipboardClearSeconds: 15 }, ORIGIN);
    expect(policy).toEqual({ allowOtherPushOrgs: false, maxClipboardClearSeconds: 15 });
    expect(problems).toHaveLength(2);
    expect(problems[1]).toMatch(/invalid value for allowOtherPushOrgs.*other orgs are not allowed/);
  });

  it('still switches off the features it understands in a list with unknown names', () => {
    const { policy, problems } = validatePolicy({ disabledFeatures: ['admin', 'teleport', 'sync'] }, ORIGIN);
    expect(policy.disabledFeatures).toEqual(['admin', 'sync']);
    expect(problems[0]).toMatch(/\(teleport\); the others are switched off/);
  });

  it('applies nothing from a value that is not an object, and says so', () => {
    expect(validatePolicy(['admin'], ORIGIN)).toEqual({ policy: {}, problems: [`The policy in ${ORIGIN} is not an object of settings, so none of it applies.`] });
  });

  it('shows names from the file without control or direction characters', () => {
    const { problems } = validatePolicy({ 'x\u001b[2J\u202e': 1 }, ORIGIN);
    expect(problems[0]).toBe(`The policy in ${ORIGIN} has an unknown setting "x??2J?", which was ignored.`);
  });

  it('refuses an approvals org over plain http', () => {
    const { policy, problems } = validatePolicy({ pushOrgs: [{ url: 'http://acme.okta.com', clientId: 'x' }] }, ORIGIN);
    expect(policy.pushOrgs).toBeUndefined();
    expect(problems[0]).toMatch(/invalid value for pushOrgs/);
  });
});

describe('the policy service', () => {
  it('has no policy when no source has one: everything stays as the person set it', async () => {
    const service = new PolicyService([source(() => ({ found: false, origin: ORIGIN }))]);
    expect(await service.reload()).toEqual({ managed: false, sources: [], policy: {}, problems: [] });
    expect(service.isOff('admin')).toBe(false);
    expect(() => service.assertPushOrgAllowed('https://any.okta.com')).not.toThrow();
  });

  it('reports an unreadable source as managed with nothing applied', async () => {
    const service = new PolicyService([source(() => ({ found: true, origin: ORIGIN, problem: 'The policy could not be read (EACCES).' }))]);
    expect(await service.reload()).toEqual({ managed: true, sources: [ORIGIN], policy: {}, problems: ['The policy could not be read (EACCES).'] });
  });

  it('refuses a switched-off feature with a sentence naming the organisation', async () => {
    const service = new PolicyService([source(() => ({ found: true, origin: ORIGIN, value: { disabledFeatures: ['admin'] } }))]);
    await service.reload();
    expect(() => service.assertOn('admin')).toThrow(expect.objectContaining({ code: 'MANAGED_BY_POLICY', message: 'The Admin area is switched off by your organisation (set by your organisation).' }));
    expect(() => service.assertOn('transfer')).not.toThrow();
  });

  it('allows listed approval orgs and, unless allowed, no others', async () => {
    const value = { pushOrgs: [{ url: 'https://acme.okta.com', clientId: '0oa1' }] };
    const service = new PolicyService([source(() => ({ found: true, origin: ORIGIN, value }))]);
    await service.reload();
    expect(() => service.assertPushOrgAllowed('https://acme.okta.com/')).not.toThrow();
    expect(() => service.assertPushOrgAllowed('https://evil.okta.com')).toThrow(expect.objectContaining({ code: 'MANAGED_BY_POLICY' }));
  });

  it('tells listeners when a reload changes what is in force, and only then', async () => {
    let value: unknown = { maxClipboardClearSeconds: 30 };
    const service = new PolicyService([source(() => ({ found: true, origin: ORIGIN, value }))]);
    const seen: unknown[] = [];
    service.onChange((status) => seen.push(status.policy));
    await service.reload();
    await service.reload();
    value = { maxClipboardClearSeconds: 10 };
    await service.reload();
    expect(seen).toEqual([{ maxClipboardClearSeconds: 30 }, { maxClipboardClearSeconds: 10 }]);
  });
});
