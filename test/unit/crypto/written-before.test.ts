/*
 * Files sealed by Traykey before scrypt and AES-256-GCM moved into electron/core/crypto/ (written at
 * d5cb304 by the code of that commit): every one still opens, byte for byte the same formats.
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importTraykeyBackup } from '../../../electron/core/backup';
import { unwrapKey } from '../../../electron/core/sync/crypto/device-keys';
import { decodeFrames, openFrame, verifyFrame } from '../../../electron/core/sync/crypto/record-codec';
import { PAIRING_DIR } from '../../../electron/core/sync/folder/sync-folder';
import { pairingSecrets } from '../../../electron/core/sync/pairing/pairing-code';
import { offerBody, readPairingFile } from '../../../electron/core/sync/pairing/pairing-files';
import { Vault, VAULT_FILE, type KeySource } from '../../../electron/core/vault/vault';
import { PASSPHRASE, SAMPLE_ACCOUNTS } from '../backup/fixtures/accounts';
import { MemoryKeyStore } from '../vault/fixtures/memory-key-store';
import { tempHomeSync } from '../../support/temp-home';

const fixture = (name: string) => join(__dirname, 'fixtures', name);
const ACCOUNTS = [{ id: 'v2-a', issuer: 'Okta', label: 'alice@example.com', type: 'totp', algorithm: 'SHA1', digits: 6, period: 30, secret: 'JBSWY3DPEHPK3PXP', tags: [], createdAt: 1 }];

function keychainOfFixture(): MemoryKeyStore {
  const store = new MemoryKeyStore();
  for (const [name, value] of JSON.parse(readFileSync(fixture('format-v2-keychain.entries.json'), 'utf8')) as Array<[string, string]>) store.entries.set(name, value);
  return store;
}

function homeWith(files: Array<[string, string]>): string {
  const home = join(tempHomeSync('vault'), 'Traykey');
  mkdirSync(home);
  for (const [from, to] of files) copyFileSync(fixture(from), join(home, to));
  return home;
}

describe('files written before the crypto room still open', () => {
  it.each<[string, Array<[string, string]>, () => KeySource]>([
    ['passphrase', [['format-v2-passphrase.tkv', VAULT_FILE], ['format-v2-passphrase.tkv.saves', `${VAULT_FILE}.saves`]], () => ({ kind: 'passphrase', passphrase: 'format two passphrase' })],
    ['keychain', [['format-v2-keychain.tkv', VAULT_FILE]], () => ({ kind: 'keychain', store: keychainOfFixture() })],
  ])('a format 2 vault in %s mode', async (_mode, files, keySource) => {
    const vault = await Vault.open({ home: homeWith(files), keySource: keySource() });
    expect(vault.read()).toEqual({ accounts: ACCOUNTS });
    expect(vault.warning).toBeUndefined();
    vault.close();
  });

  it('a Traykey backup', async () => {
    const older = readFileSync(join(__dirname, '../backup/fixtures/traykey-backup-without-recovery-codes.json'));
    expect(await importTraykeyBackup(older, PASSPHRASE, { maxScryptWork: 1024 })).toEqual(SAMPLE_ACCOUNTS.slice(0, 2));
  });

  const sync = JSON.parse(readFileSync(fixture('sync.json'), 'utf8')) as {
    device: { sign: { publicKey: string }; box: { privateKey: string } };
    key: string;
    record: string;
    wrapped: { epk: string; box: string };
  };

  it('a signed, sealed sync record', () => {
    const { frames, problem } = decodeFrames(Buffer.from(sync.record, 'base64'));
    expect(problem).toBeUndefined();
    const [frame] = frames;
    expect(frame?.header).toMatchObject({ kind: 2, seq: 3, keyId: '0011223344556677', device: 'abcdefgh01234567' });
    expect(verifyFrame(frame!, sync.device.sign.publicKey)).toBe(true);
    expect(openFrame(frame!, Buffer.from(sync.key, 'base64'))?.toString('utf8')).toBe('{"snapshot":"before the crypto room"}');
  });

  it('a sync key wrapped for a device', () => {
    expect(unwrapKey(sync.device.box.privateKey, 'abcdefgh01234567', '0011223344556677', sync.wrapped)).toEqual(Buffer.from(sync.key, 'base64'));
  });

  it('a pairing offer sealed with the six words', async () => {
    const secrets = await pairingSecrets(['able', 'afraid', 'agree', 'ahead', 'alive', 'almost']);
    const folder = tempHomeSync('vault');
    mkdirSync(join(folder, PAIRING_DIR));
    copyFileSync(fixture('pairing-offer.bin'), join(folder, PAIRING_DIR, `${secrets.lookup}.offer`));
    expect(await readPairingFile(folder, secrets, 'offer', offerBody)).toEqual({ inviter: 'abcdefgh01234567', expiresAt: 1 });
  });
});
