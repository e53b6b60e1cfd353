import { describe, expect, it } from 'vitest';
import { AccountsService } from '../../../electron/core/accounts/accounts-service';
import { totpAccountsFor } from '../../../electron/core/signin/vault-totp';
import { MemoryVault } from '../accounts/memory-vault';

const SECRETS = ['JBSWY3DPEHPK3PXP', 'KRSXG5CTMVRXEZLU', 'MZXW6YTBOI2DKNRX'];

async function vaultWith(accounts: { issuer: string; label: string; type?: 'totp' | 'hotp' }[]): Promise<AccountsService> {
  const service = new AccountsService(new MemoryVault(), { now: () => 0 });
  for (const [n, account] of accounts.entries()) await service.add({ ...account, secret: SECRETS[n] ?? '' });
  return service;
}

describe('the vault account for a sign-in', () => {
  it('matches the login as the label and the org by host, first host label, or last path segment', async () => {
    const accounts = await vaultWith([
      { issuer: 'dev-123456', label: 'Erin@Example.com' },
      { issuer: 'dev-123456.okta.com', label: 'dev-123456:erin@example.com' },
      { issuer: 'acme', label: 'erin@example.com' },
    ]);
    expect(totpAccountsFor(accounts, 'erin@example.com', 'https://dev-123456.okta.com').map((a) => a.issuer)).toEqual(['dev-123456', 'dev-123456.okta.com']);
    expect(totpAccountsFor(accounts, 'erin@example.com', 'http://127.0.0.1:4100/okta/acme').map((a) => a.issuer)).toEqual(['acme']);
  });

  it('ignores another login, another org and counter-based accounts', async () => {
    const accounts = await vaultWith([
      { issuer: 'dev-123456', label: 'someone@example.com' },
      { issuer: 'GitHub', label: 'erin@example.com' },
      { issuer: 'dev-123456', label: 'erin@example.com', type: 'hotp' },
    ]);
    expect(totpAccountsFor(accounts, 'erin@example.com', 'https://dev-123456.okta.com')).toEqual([]);
  });
});
