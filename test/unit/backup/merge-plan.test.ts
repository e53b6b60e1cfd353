import type { BackupAccount } from '../../../shared/accounts';
import { describe, expect, it } from 'vitest';
import { planMerge, type ExistingAccount } from '../../../electron/core/backup/merge-plan';

const account = (issuer: string, label: string, secret: string): BackupAccount => ({ issuer, label, secret, type: 'totp', algorithm: 'SHA1', digits: 6, period: 30 });
const stored: ExistingAccount[] = [
  { id: 'a1', issuer: 'GitHub', label: 'alice', secret: 'jbsw y3dp ehpk 3pxp' },
  { id: 'a2', issuer: 'Bank', label: 'bob', secret: 'GEZDGNBVGY3TQOJQ' },
];

describe('import merge plan', () => {
  it('adds accounts that match nothing stored', () => {
    const plan = planMerge(stored, [account('New', 'carol', 'MFRGGZDFMZTWQ2LK')], 'skip');
    expect(plan).toEqual({ add: [account('New', 'carol', 'MFRGGZDFMZTWQ2LK')], replace: [], skipped: [] });
  });

  it('treats the same secret (however it was written) or the same issuer and name (any case) as a duplicate', () => {
    const sameSecret = account('Renamed', 'someone', 'JBSWY3DPEHPK3PXP');
    const sameName = account('bank', 'BOB', 'MFRGGZDFMZTWQ2LK');
    const plan = planMerge(stored, [sameSecret, sameName], 'skip');
    expect(plan.add).toEqual([]);
    expect(plan.skipped.map((s) => s.account)).toEqual([sameSecret, sameName]);
  });

  it('replaces the matching stored account with the replace policy', () => {
    const newer = account('GitHub', 'alice', 'KRSXG5CTMVRXEZLU');
    expect(planMerge(stored, [newer], 'replace')).toEqual({ add: [], replace: [{ id: 'a1', account: newer }], skipped: [] });
  });

  it('keeps only the first of repeats inside one list', () => {
    const first = account('Shop', 'dave', 'ONSWG4TFOQ');
    const again = account('SHOP', 'Dave', 'MFRGGZDFMZTWQ2LK');
    const plan = planMerge([], [first, again], 'replace');
    expect(plan.add).toEqual([first]);
    expect(plan.skipped).toEqual([{ account: again, reason: 'it appears earlier in the same file' }]);
  });

  it('never replaces one stored account twice', () => {
    const one = account('GitHub', 'alice', 'MFRGGZDFMZTWQ2LK');
    const two = account('Other', 'x', 'JBSWY3DPEHPK3PXP');
    const plan = planMerge(stored, [one, two], 'replace');
    expect(plan.replace).toEqual([{ id: 'a1', account: one }]);
    expect(plan.skipped[0]?.reason).toMatch(/already replaces/);
  });
});
