import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/app-core';
import { formatKeyUri } from '../../../electron/core/otp/key-uri';
import { decodeMigrationUri } from '../../../electron/core/otp/migration-uri';
import { migrationUris } from '../../../electron/core/transfer/transfer-service';
import { Vault } from '../../../electron/core/vault/vault';
import { callThrough } from '../../support/ipc-call';
import { tempHome } from '../../support/temp-home';
import { readQrDataUrl } from './read-qr';

const TEST_SCRYPT = { N: 1024, r: 8, p: 1 };
const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
/** A distinct 20-byte secret per account (duplicates are refused). */
const secretFor = (n: number) => `JBSWY3DPEHPK3PXP${'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[n]}AAAAAAAAAAAAAAA`;

describe('transfer QR codes', () => {
  let core: Core;
  const call = callThrough(() => core.handlers);

  beforeEach(async () => {
    const home = await tempHome('transfer');
    const vault = await Vault.open({ home, keySource: { kind: 'passphrase', passphrase: 'pw' }, unsafeTestScrypt: TEST_SCRYPT });
    core = createCore({ vault, home, now: () => 59_000, watchVault: false });
  });
  afterEach(async () => {
    core.close();
  });

  it('draws one account as a PNG that reads back as exactly its otpauth:// link', async () => {
    const { id } = await call('accounts:add', { issuer: 'ACME Co', label: 'alice@example.com', secret: SECRET, algorithm: 'SHA256', digits: 8, period: 60 });
    const image = await call('transfer:accountQr', { id });
    expect(image).toMatchObject({ issuer: 'ACME Co', label: 'alice@example.com' });
    const expected = formatKeyUri({ issuer: 'ACME Co', label: 'alice@example.com', type: 'totp', secret: SECRET, algorithm: 'SHA256', digits: 8, period: 60 });
    expect(readQrDataUrl(image.dataUrl)).toBe(expected);
  });

  it('keeps an HOTP account’s next counter in its code', async () => {
    const { id } = await call('accounts:add', { issuer: 'Bank', label: 'counter', secret: SECRET, type: 'hotp', counter: 7 });
    const text = readQrDataUrl((await call('transfer:accountQr', { id })).dataUrl);
    expect(text).toBe(formatKeyUri({ issuer: 'Bank', label: 'counter', type: 'hotp', secret: SECRET, algorithm: 'SHA1', digits: 6, period: 30, counter: 7 }));
  });

  it('exports a selection as numbered Google Authenticator batches that read back as the same accounts', async () => {
    const added = [];
    for (let n = 0; n < 12; n++) {
      const hotp = n === 3;
      added.push(await call('accounts:add', { issuer: `Issuer ${n}`, label: `user${n}`, secret: secretFor(n), digits: n % 2 === 0 ? 6 : 8, algorithm: n === 5 ? 'SHA512' : 'SHA1', ...(hotp ? { type: 'hotp' as const, counter: 42 } : {}) }));
    }
    const { codes } = await call('transfer:migrationQrs', { ids: added.map((account) => account.id) });
    expect(codes.map(({ index, count }) => ({ index, count }))).toEqual([
      { index: 0, count: 2 },
      { index: 1, count: 2 },
    ]);
    const batches = codes.map((code) => decodeMigrationUri(readQrDataUrl(code.dataUrl)));
    expect(batches.map((batch) => batch.batch.index)).toEqual([0, 1]);
    expect(new Set(batches.map((batch) => batch.batch.id)).size).toBe(1);
    const exported = batches.flatMap((batch) => batch.accounts);
    expect(exported).toEqual(
      added.map((account, n) => ({
        issuer: account.issuer,
        label: account.label,
        secret: secretFor(n),
        algorithm: account.algorithm,
        digits: account.digits,
        period: 30,
        ...(account.type === 'hotp' ? { type: 'hotp', counter: 42 } : { type: 'totp' }),
      })),
    );
  });

  it('names each account once however often it is chosen, in the order chosen', async () => {
    const first = await call('accounts:add', { issuer: 'A', label: 'one', secret: secretFor(0) });
    const second = await call('accounts:add', { issuer: 'B', label: 'two', secret: secretFor(1) });
    const [uri] = migrationUris(core.accounts, [second.id, first.id, second.id], 7);
    expect(decodeMigrationUri(uri!)).toMatchObject({ accounts: [{ label: 'two' }, { label: 'one' }], batch: { index: 0, size: 1, id: 7 } });
  });

  it('refuses an export holding an account Google Authenticator cannot keep, naming it', async () => {
    const ok = await call('accounts:add', { issuer: 'A', label: 'fine', secret: secretFor(0) });
    const steam = await call('accounts:add', { issuer: 'Steam', label: 'gamer', secret: secretFor(1), type: 'steam' });
    await expect(call('transfer:migrationQrs', { ids: [ok.id, steam.id] })).rejects.toMatchObject({
      code: 'UNSUPPORTED',
      message: 'Steam (gamer) cannot be exported to Google Authenticator: it does not support Steam Guard codes.',
    });
  });

  it('refuses an empty selection and an unknown account', async () => {
    await expect(call('transfer:migrationQrs', { ids: [] })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(call('transfer:accountQr', { id: 'missing' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(call('transfer:migrationQrs', { ids: ['missing'] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('says VAULT_LOCKED, revealing nothing, while the vault is locked', async () => {
    const { id } = await call('accounts:add', { issuer: 'A', label: 'one', secret: SECRET });
    await call('vault:lock', {});
    for (const attempt of [call('transfer:accountQr', { id }), call('transfer:migrationQrs', { ids: [id] })]) {
      const failure = await attempt.then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toMatchObject({ code: 'VAULT_LOCKED' });
      expect(JSON.stringify(failure)).not.toContain(SECRET);
    }
  });
});
