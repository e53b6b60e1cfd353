/** Twelve accounts a person might really have, for pictures of the popup (secrets are test-only). */
import type { Harness } from '../harness/harness';
import { testSecret } from '../harness/secrets';
import { parseKeyUri } from '../../../electron/core/otp/key-uri';

export const REALISTIC_ACCOUNTS = [
  { issuer: 'GitHub', label: 'alice-dev' },
  { issuer: 'Google', label: 'alice@gmail.com' },
  { issuer: 'Amazon Web Services', label: 'alice@acme-prod' },
  { issuer: 'Microsoft', label: 'alice@outlook.com' },
  { issuer: 'Dropbox', label: 'alice@example.com' },
  { issuer: 'Slack', label: 'acme.slack.com' },
  { issuer: 'Discord', label: 'alice#4242' },
  { issuer: 'Cloudflare', label: 'ops@acme.test' },
  { issuer: 'Proton', label: 'alice@proton.me' },
  { issuer: 'Bitwarden', label: 'alice@example.com' },
  { issuer: 'Intranet VPN', label: 'alice' },
] as const;

export async function seedRealisticAccounts(harness: Harness): Promise<void> {
  for (const [index, account] of REALISTIC_ACCOUNTS.entries()) {
    await harness.call('accounts:add', { ...account, secret: testSecret(100 + index) });
  }
  // A test user the Admin area enrolled carries the tag the list can filter by.
  await harness.core.accounts.insert(parseKeyUri(`otpauth://totp/Okta:qa-1@acme.test?secret=${testSecret(99)}&issuer=Okta`), ['test-user']);
}
