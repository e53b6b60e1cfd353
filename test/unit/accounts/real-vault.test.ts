import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccountsService } from '../../../electron/core/accounts/accounts-service';
import { Vault } from '../../../electron/core/vault/vault';
import { tempHome } from '../../support/temp-home';

const TEST_SCRYPT = { N: 1024, r: 8, p: 1 };
const open = (home: string) => Vault.open({ home, keySource: { kind: 'passphrase', passphrase: 'pw' }, unsafeTestScrypt: TEST_SCRYPT });
const secretFor = (i: number) => `GEZDGNBVGY3TQOJQGEZDGNBV${'ABCDEFGHIJKLMNOP'[i]}AAAAAAA`;

describe('AccountsService on the real Vault', () => {
  let home: string;
  let vaults: Vault[];
  beforeEach(async () => {
    home = await tempHome('accounts');
    vaults = [];
  });
  afterEach(async () => {
    for (const vault of vaults) vault.close();
  });

  async function service() {
    const vault = await open(home);
    vaults.push(vault);
    return { vault, accounts: new AccountsService(vault, { now: () => 0 }) };
  }

  it('keeps accounts across reopening, encrypted on disk', async () => {
    const first = await service();
    await first.accounts.addUri('otpauth://totp/ACME:alice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=ACME');
    const second = await service();
    expect(second.accounts.list()).toMatchObject([{ issuer: 'ACME', label: 'alice' }]);
    expect(second.accounts.codes(59_000)[0]!.code).toBe('287082');
  });

  it('loses no account when two processes add at the same time', async () => {
    const [a, b] = [await service(), await service()];
    await Promise.all([0, 1, 2, 3, 4, 5].map((i) => (i % 2 ? a : b).accounts.add({ issuer: '', label: `n${i}`, secret: secretFor(i) })));
    await a.vault.refreshIfChanged();
    expect(a.accounts.list().map((x) => x.label).sort()).toEqual(['n0', 'n1', 'n2', 'n3', 'n4', 'n5']);
  });

  it('saves HOTP counters so two processes never show the same code', async () => {
    const [a, b] = [await service(), await service()];
    const { id } = await a.accounts.addUri('otpauth://hotp/E:h?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&counter=0');
    await b.vault.refreshIfChanged();
    const codes = await Promise.all([a.accounts.nextHotp(id), b.accounts.nextHotp(id), a.accounts.nextHotp(id)]);
    expect(codes.map((c) => c.counter).sort()).toEqual([1, 2, 3]);
    expect(new Set(codes.map((c) => c.code)).size).toBe(3);
  });

  it('sees another process’s change after refreshIfChanged', async () => {
    const [a, b] = [await service(), await service()];
    await b.accounts.add({ issuer: 'CLI', label: 'x', secret: secretFor(0) });
    expect(a.accounts.list()).toEqual([]);
    expect(await a.vault.refreshIfChanged()).toBe(true);
    expect(a.accounts.list()).toHaveLength(1);
  });
});
