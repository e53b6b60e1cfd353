import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Vault, VAULT_FILE, type KeySource } from '../../../electron/core/vault/vault';
import type { ErrorCode } from '../../../shared/errors';
import { expectAppError } from '../../support/expect-app-error';
import { tempHomeSync } from '../../support/temp-home';
import { TEST_SCRYPT } from './fixtures/test-scrypt';

const keySource: KeySource = { kind: 'passphrase', passphrase: 'pw' };

/** A vault saved twice (so a backup exists), whose file is then replaced by `damage(original)`. */
async function damagedVault(damage: (file: Buffer) => Buffer) {
  const home = join(tempHomeSync('vault'), 'Traykey');
  const vault = await Vault.open({ home, keySource, unsafeTestScrypt: TEST_SCRYPT });
  await vault.update((doc) => void (doc.accounts = [{ id: 'a', secret: 'JBSWY3DPEHPK3PXP' }]));
  await vault.update((doc) => void (doc.accounts = [{ id: 'b', secret: 'JBSWY3DPEHPK3PXP' }]));
  const file = join(home, VAULT_FILE);
  const bad = damage(readFileSync(file));
  writeFileSync(file, bad);
  return { home, vault, file, bad };
}

const flip = (offset: (file: Buffer) => number) => (file: Buffer) => {
  const copy = Buffer.from(file);
  const at = offset(copy);
  copy[at] = (copy[at] ?? 0) ^ 0x01;
  return copy;
};

/** Recomputes the header checksum, as a deliberate edit (not random damage) would. */
const resealHeader = (file: Buffer): Buffer => {
  createHash('sha256').update(file.subarray(0, 92)).digest().copy(file, 92, 0, 16);
  return file;
};

const cases: Array<[string, (file: Buffer) => Buffer, ErrorCode, RegExp]> = [
  ['a flipped bit in the encrypted body', flip((f) => f.length - 40), 'VAULT_CORRUPT', /integrity check/],
  ['a flipped bit in the GCM tag', flip((f) => f.length - 1), 'VAULT_CORRUPT', /integrity check/],
  ['an altered nonce in the header', flip(() => 80), 'VAULT_CORRUPT', /header fails its checksum/],
  ['a flipped salt byte (byte 25), which is damage and not a wrong passphrase', flip(() => 25), 'VAULT_CORRUPT', /header fails its checksum/],
  ['an altered save counter', flip(() => 75), 'VAULT_CORRUPT', /header fails its checksum/],
  ['an altered nonce under a recomputed header checksum', (f) => resealHeader(flip(() => 80)(f)), 'VAULT_CORRUPT', /integrity check/],
  ['a truncated file', (f) => f.subarray(0, f.length - 100), 'VAULT_CORRUPT', /truncated/],
  ['a file cut inside the header', (f) => f.subarray(0, 30), 'VAULT_CORRUPT', /truncated/],
  ['an empty file', () => Buffer.alloc(0), 'VAULT_CORRUPT', /truncated/],
  ['extra bytes appended', (f) => Buffer.concat([f, Buffer.from('x')]), 'VAULT_CORRUPT', /after its end/],
  ['an unknown key mode', (f) => resealHeader(Buffer.concat([f.subarray(0, 9), Buffer.from([7]), f.subarray(10)])), 'VAULT_CORRUPT', /key mode/],
  ['a JSON file', () => Buffer.from('{"accounts": []}'), 'VAULT_FOREIGN', /not a Traykey vault/],
  ['a ZIP archive', () => Buffer.from('504b0304140000000800', 'hex'), 'VAULT_FOREIGN', /not a Traykey vault/],
  ['a newer format version', (f) => Buffer.concat([f.subarray(0, 8), Buffer.from([9]), f.subarray(9)]), 'VAULT_FOREIGN', /newer Traykey/],
];

describe('a damaged or foreign vault file', () => {
  it.each(cases)('is refused on open when it has %s, and is left byte-for-byte untouched', async (_name, damage, code, reason) => {
    const { home, file, bad } = await damagedVault(damage);
    const error = await expectAppError(() => Vault.open({ home, keySource }), code);
    expect(error.message).toMatch(reason);
    expect(error.message).toContain(file);
    expect(error.message).not.toContain('JBSWY3DPEHPK3PXP');
    expect(readFileSync(file).equals(bad)).toBe(true);
  });

  it('names the backup copy, which still opens', async () => {
    const { home, file } = await damagedVault(flip((f) => f.length - 40));
    const error = await expectAppError(() => Vault.open({ home, keySource }), 'VAULT_CORRUPT');
    expect(error.message).toContain(`${file}.bak`);
    writeFileSync(file, readFileSync(`${file}.bak`));
    expect((await Vault.open({ home, keySource })).read()).toEqual({ accounts: [{ id: 'a', secret: 'JBSWY3DPEHPK3PXP' }] });
  });

  it('is not written over by an open vault that tries to update after the damage', async () => {
    const { vault, file, bad, home } = await damagedVault(flip((f) => f.length - 40));
    await expectAppError(() => vault.update((doc) => void (doc.more = true)), 'VAULT_CORRUPT');
    expect(readFileSync(file).equals(bad)).toBe(true);
    expect(readdirSync(home).filter((name) => !name.startsWith(VAULT_FILE))).toEqual([]);
  });

  it('refuses excessive key-derivation parameters without running them', async () => {
    const { home } = await damagedVault((f) => {
      const copy = Buffer.from(f);
      copy.writeUInt8(30, 11);
      return resealHeader(copy);
    });
    const error = await expectAppError(() => Vault.open({ home, keySource }), 'VAULT_CORRUPT');
    expect(error.message).toMatch(/key-derivation/);
  });

  it('says there is no backup when the very first save is damaged', async () => {
    const home = join(tempHomeSync('vault'), 'Traykey');
    await Vault.open({ home, keySource, unsafeTestScrypt: TEST_SCRYPT });
    const file = join(home, VAULT_FILE);
    writeFileSync(file, flip((f) => f.length - 1)(readFileSync(file)));
    const error = await expectAppError(() => Vault.open({ home, keySource }), 'VAULT_CORRUPT');
    expect(error.message).toMatch(/no backup copy/);
  });
});
