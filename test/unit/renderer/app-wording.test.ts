import { describe, expect, it } from 'vitest';
import { appMessage } from '../../../renderer/ui/app-wording';

describe('messages shown in the app', () => {
  it('keeps a message that speaks to the app user as it is', () => {
    expect(appMessage({ code: 'DUPLICATE', message: 'ACME (alice) is already in your vault.' })).toBe('ACME (alice) is already in your vault.');
  });

  it('replaces a message naming an environment variable or a flag with the app’s sentence for its code', () => {
    expect(appMessage({ code: 'WRONG_PASSPHRASE', message: 'The passphrase does not open the vault /home/a/.config/Traykey/vault.json; check TRAYKEY_PASSPHRASE or the passphrase file.' })).toBe(
      'That passphrase does not open your vault. Check it and try again.',
    );
    expect(appMessage({ code: 'VAULT_LOCKED', message: 'The vault is protected by a passphrase: pass --passphrase-file.' })).toBe('Your vault is locked. Unlock it to see your codes.');
  });

  it('replaces a message with a file path, and falls back to a general sentence for other codes', () => {
    expect(appMessage({ code: 'VAULT_IO', message: 'Traykey could not save its settings to /home/a/.config/Traykey/settings.json (EACCES).' })).toMatch(/^Traykey could not read or write its files/);
    expect(appMessage({ code: 'NETWORK', message: 'Could not reach C:\\Users\\a\\x (ENOENT).' })).toMatch(/^Traykey could not do that/);
  });

  it('does not mistake a web address for a file path', () => {
    expect(appMessage({ code: 'NETWORK', message: 'https://example.okta.com/ did not answer.' })).toBe('https://example.okta.com/ did not answer.');
  });
});
