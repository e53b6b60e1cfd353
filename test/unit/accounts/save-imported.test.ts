import type { BackupAccount } from '../../../shared/accounts';
import { describe, expect, it } from 'vitest';
import { AccountsService, type VaultLike } from '../../../electron/core/accounts/accounts-service';
import { accountsForBackup } from '../../../electron/core/backup/accounts-for-backup';
import { saveImported } from '../../../electron/core/accounts/save-imported';
import type { VaultDocument } from '../../../electron/core/vault/vault';

/** An in-memory stand-in for the vault: same read/update contract, no file or keychain. */
function memoryVault(): VaultLike {
  let doc: VaultDocument = {};
  return {
    read: () => structuredClone(doc),
    refreshIfChanged: () => Promise.resolve(false),
    update: async (mutate) => {
      const draft = structuredClone(doc);
      const result = await mutate(draft);
      doc = draft;
      return result;
    },
  } as VaultLike;
}

const totp = (issuer: string, label: string, secret: string): BackupAccount => ({ issuer, label, secret, type: 'totp', algorithm: 'SHA1', digits: 6, period: 30 });

async function serviceWith(...accounts: BackupAccount[]): Promise<AccountsService> {
  let n = 0;
  const service = new AccountsService(memoryVault(), { now: () => 1_700_000_000_000, newId: () => `id-${++n}` });
  for (const account of accounts) await service.insert(account, ['work']);
  return service;
}

describe('saving imported accounts', () => {
  it('adds new accounts and skips duplicates by secret or by issuer and name', async () => {
    const service = await serviceWith(totp('GitHub', 'alice', 'JBSWY3DPEHPK3PXP'));
    const report = await saveImported(service, [totp('New', 'carol', 'MFRGGZDFMZTWQ2LK'), totp('Other', 'x', 'JBSWY3DPEHPK3PXP'), totp('github', 'ALICE', 'ONSWG4TFOQ')], 'skip');
    expect(report).toEqual({
      added: 1, replaced: 0,
      skipped: [
        { issuer: 'Other', label: 'x', reason: 'an account with the same secret already exists' },
        { issuer: 'github', label: 'ALICE', reason: 'an account with the same issuer and name already exists' },
      ],
    });
    expect(service.list().map((a) => a.label)).toEqual(['alice', 'carol']);
  });

  it('replaces a duplicate with --on-duplicate replace, keeping its place in the list, its id and its tags', async () => {
    const service = await serviceWith(totp('GitHub', 'alice', 'JBSWY3DPEHPK3PXP'), totp('Bank', 'bob', 'MFRGGZDFMZTWQ2LK'));
    const report = await saveImported(service, [{ ...totp('GitHub', 'alice', 'KRSXG5CTMVRXEZLU'), digits: 8 }], 'replace');
    expect(report).toEqual({ added: 0, replaced: 1, skipped: [] });
    expect(accountsForBackup(service)).toEqual([{ ...totp('GitHub', 'alice', 'KRSXG5CTMVRXEZLU'), digits: 8 }, totp('Bank', 'bob', 'MFRGGZDFMZTWQ2LK')]);
    expect(service.list()[0]).toMatchObject({ id: 'id-1', tags: ['work'] });
  });

  it('leaves the stored account alone when the replacement clashes with a second stored account', async () => {
    const service = await serviceWith(totp('GitHub', 'alice', 'JBSWY3DPEHPK3PXP'), totp('Bank', 'bob', 'MFRGGZDFMZTWQ2LK'));
    const clash = totp('Bank', 'bob', 'JBSWY3DPEHPK3PXP');
    const report = await saveImported(service, [clash], 'replace');
    expect(report.skipped).toEqual([{ issuer: 'Bank', label: 'bob', reason: 'it duplicates more than one stored account' }]);
    expect(accountsForBackup(service).map((a) => a.secret).sort()).toEqual(['JBSWY3DPEHPK3PXP', 'MFRGGZDFMZTWQ2LK']);
  });

  it('saves repeats inside one file once', async () => {
    const service = await serviceWith();
    const report = await saveImported(service, [totp('Shop', 'dave', 'ONSWG4TFOQ'), totp('SHOP', 'Dave', 'MFRGGZDFMZTWQ2LK')], 'replace');
    expect(report).toEqual({ added: 1, replaced: 0, skipped: [{ issuer: 'SHOP', label: 'Dave', reason: 'it appears earlier in the same file' }] });
  });

  it('lists stored accounts with their secrets for a backup, HOTP with its counter', async () => {
    const hotp: BackupAccount = { issuer: 'VPN', label: 'ops', type: 'hotp', algorithm: 'SHA256', digits: 6, period: 30, counter: 4, secret: 'MFRGGZDFMZTWQ2LK' };
    const service = await serviceWith(totp('GitHub', 'alice', 'JBSWY3DPEHPK3PXP'), hotp);
    expect(accountsForBackup(service)).toEqual([totp('GitHub', 'alice', 'JBSWY3DPEHPK3PXP'), hotp]);
  });

  describe('recovery codes', () => {
    const RECOVERY = 'Q7XK2M9PLW4RT8VN3BHC6YDF';

    it('are listed for a backup with their account and stored again by an import', async () => {
      const source = await serviceWith({ ...totp('Auth0', 'qa-1', 'JBSWY3DPEHPK3PXP'), recoveryCode: RECOVERY }, totp('Bank', 'bob', 'MFRGGZDFMZTWQ2LK'));
      const listed = accountsForBackup(source);
      expect(listed).toEqual([{ ...totp('Auth0', 'qa-1', 'JBSWY3DPEHPK3PXP'), recoveryCode: RECOVERY }, totp('Bank', 'bob', 'MFRGGZDFMZTWQ2LK')]);

      const target = await serviceWith();
      await saveImported(target, listed, 'skip');
      const [restored] = target.list();
      expect(target.recoveryCode(restored!.id)).toBe(RECOVERY);
      expect(JSON.stringify(target.list())).not.toContain(RECOVERY);
      expect(JSON.stringify(target.reveal(restored!.id))).not.toContain(RECOVERY);
    });

    it('a replacing import that carries none keeps the stored one; one that carries one brings it', async () => {
      const service = await serviceWith({ ...totp('Auth0', 'qa-1', 'JBSWY3DPEHPK3PXP'), recoveryCode: RECOVERY });
      const id = service.list()[0]!.id;
      await saveImported(service, [{ ...totp('Auth0', 'qa-1', 'KRSXG5CTMVRXEZLU') }], 'replace');
      expect(service.recoveryCode(id)).toBe(RECOVERY);
      await saveImported(service, [{ ...totp('Auth0', 'qa-1', 'KRSXG5CTMVRXEZLU'), recoveryCode: 'NEWCODE2345' }], 'replace');
      expect(service.recoveryCode(id)).toBe('NEWCODE2345');
    });
  });
});
