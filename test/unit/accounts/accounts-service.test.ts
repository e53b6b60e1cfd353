import { beforeEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../../shared/errors';
import { AccountsService } from '../../../electron/core/accounts/accounts-service';
import { MemoryVault } from './memory-vault';

const RFC_SHA1 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const RFC_SHA256 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA';

async function rejection(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error('it succeeded');
}

describe('AccountsService', () => {
  let vault: MemoryVault;
  let now: number;
  let changes: number;
  let service: AccountsService;
  let ids: number;

  beforeEach(() => {
    vault = new MemoryVault();
    now = 1_700_000_000_000;
    changes = 0;
    ids = 0;
    service = new AccountsService(vault, { now: () => now, newId: () => `id-${++ids}`, onChange: () => changes++ });
  });

  it('adds an account from a Key Uri and lists it without its secret', async () => {
    const added = await service.addUri(`otpauth://totp/ACME:alice?secret=${RFC_SHA1}&digits=8&issuer=ACME`);
    expect(added).toEqual({ id: 'id-1', issuer: 'ACME', label: 'alice', type: 'totp', algorithm: 'SHA1', digits: 8, period: 30, tags: [] });
    expect(service.list()).toEqual([added]);
    expect(JSON.stringify(service.list())).not.toContain(RFC_SHA1);
    expect(vault.saved.accounts).toMatchObject([{ secret: RFC_SHA1, createdAt: now }]);
    expect(changes).toBe(1);
  });

  it('adds an account typed in by hand, normalising the secret', async () => {
    const added = await service.add({ issuer: ' Bank ', label: ' me ', secret: 'gezd gnbv gy3t qojq gezd gnbv gy3t qojq' });
    expect(added).toMatchObject({ issuer: 'Bank', label: 'me', type: 'totp', algorithm: 'SHA1', digits: 6, period: 30 });
    expect(service.reveal(added.id).secret).toBe(RFC_SHA1);
  });

  it('refuses a typed secret that is not base32, naming the field', async () => {
    const error = await rejection(service.add({ issuer: '', label: 'x', secret: 'not base32!' }));
    expect(error).toMatchObject({ code: 'INVALID_INPUT', field: 'secret' });
    expect(error.message).toBe('The secret is not valid base32 (letters A–Z and digits 2–7).');
  });

  it('fixes Steam accounts to 5 characters, 30 s and SHA1', async () => {
    const added = await service.add({ issuer: 'Steam', label: 'gaben', secret: RFC_SHA1, type: 'steam', digits: 8, algorithm: 'SHA512' });
    expect(added).toMatchObject({ type: 'steam', digits: 5, period: 30, algorithm: 'SHA1' });
    expect(service.codes(0)[0]!.code).toMatch(/^[23456789BCDFGHJKMNPQRTVWXY]{5}$/);
  });

  it('refuses a duplicate secret or a duplicate issuer and label', async () => {
    await service.addUri(`otpauth://totp/ACME:alice?secret=${RFC_SHA1}`);
    expect(await rejection(service.addUri(`otpauth://totp/Other:bob?secret=${RFC_SHA1}`))).toMatchObject({ code: 'DUPLICATE', message: 'ACME (alice) already exists and has the same secret.' });
    expect((await rejection(service.addUri(`otpauth://totp/acme:ALICE?secret=${RFC_SHA256}`))).message).toContain('same issuer and name');
    expect(service.findDuplicate({ secret: RFC_SHA1, issuer: 'x', label: 'y' })).toMatchObject({ reason: 'secret', account: { id: 'id-1' } });
    expect(service.findDuplicate({ secret: RFC_SHA256, issuer: 'x', label: 'y' })).toBeUndefined();
  });

  it('gives the current and next codes of time-based accounts only', async () => {
    await service.addUri(`otpauth://totp/A:sha1?secret=${RFC_SHA1}&digits=8`);
    await service.addUri(`otpauth://totp/B:sha256?secret=${RFC_SHA256}&digits=8&algorithm=SHA256`);
    await service.addUri(`otpauth://hotp/C:counter?secret=JBSWY3DPEHPK3PXP&counter=0`);
    expect(service.codes(59_000)).toEqual([
      { id: 'id-1', code: '94287082', next: '37359152', periodStart: 30_000, period: 30 },
      { id: 'id-2', code: '46119246', next: expect.stringMatching(/^\d{8}$/), periodStart: 30_000, period: 30 },
    ]);
    expect(service.codes()[0]!.periodStart).toBe(Math.floor(now / 30_000) * 30_000);
  });

  it('saves the advanced HOTP counter before returning the code', async () => {
    await service.addUri(`otpauth://hotp/Example:alice?secret=${RFC_SHA1}&counter=4`);
    vault.failNextSave = true;
    await expect(service.nextHotp('id-1')).rejects.toThrow('disk full');
    expect(service.list()[0]!.counter).toBe(4);
    expect(await service.nextHotp('id-1')).toEqual({ id: 'id-1', code: '338314', counter: 5 });
    expect(vault.saved.accounts).toMatchObject([{ counter: 5 }]);
    expect((await service.nextHotp('id-1')).code).toBe('254676');
  });

  it('refuses nextHotp for a time-based account', async () => {
    await service.addUri(`otpauth://totp/A:b?secret=${RFC_SHA1}`);
    expect((await rejection(service.nextHotp('id-1'))).code).toBe('INVALID_INPUT');
  });

  it('renames, trimming the names, and refuses an empty name', async () => {
    await service.addUri(`otpauth://totp/A:b?secret=${RFC_SHA1}`);
    expect(await service.rename('id-1', ' New ', ' name ')).toMatchObject({ issuer: 'New', label: 'name' });
    expect((await rejection(service.rename('id-1', 'x', '  '))).field).toBe('label');
    expect((await rejection(service.rename('nope', 'x', 'y'))).code).toBe('NOT_FOUND');
  });

  it('replaces an account in its place, keeping its id and tags, unless the new one duplicates another', async () => {
    await service.addUri(`otpauth://totp/A:first?secret=${RFC_SHA1}`);
    await service.addUri(`otpauth://totp/B:second?secret=${RFC_SHA256}`);
    const replaced = await service.replace('id-1', { issuer: 'A', label: 'first', secret: 'JBSWY3DPEHPK3PXP', type: 'totp', algorithm: 'SHA1', digits: 8, period: 30 });
    expect(replaced).toMatchObject({ id: 'id-1', digits: 8 });
    expect(service.list().map((a) => a.id)).toEqual(['id-1', 'id-2']);
    expect(service.reveal('id-1').secret).toBe('JBSWY3DPEHPK3PXP');
    const clash = { issuer: 'B', label: 'second', secret: 'MFRGGZDFMZTWQ2LK', type: 'totp', algorithm: 'SHA1', digits: 6, period: 30 } as const;
    expect((await rejection(service.replace('id-1', clash))).code).toBe('DUPLICATE');
    expect((await rejection(service.replace('nope', clash))).code).toBe('NOT_FOUND');
  });

  it('reorders, keeping accounts the request did not name at the end', async () => {
    for (const name of ['a', 'b', 'c', 'd']) await service.add({ issuer: '', label: name, secret: `${RFC_SHA1.slice(0, 24)}${'ABCD'.indexOf(name.toUpperCase()) + 2}AAAAAAA` });
    const reordered = await service.reorder(['id-3', 'id-1', 'unknown']);
    expect(reordered.map((a) => a.label)).toEqual(['c', 'a', 'b', 'd']);
    expect(service.list().map((a) => a.id)).toEqual(['id-3', 'id-1', 'id-2', 'id-4']);
    expect((await rejection(service.reorder(['id-1', 'id-1']))).code).toBe('INVALID_INPUT');
  });

  it('undoes a delete within 30 seconds, back in its old place, once', async () => {
    await service.add({ issuer: '', label: 'first', secret: RFC_SHA1 });
    await service.add({ issuer: '', label: 'second', secret: RFC_SHA256 });
    const { undoToken } = await service.delete('id-1');
    expect(service.list().map((a) => a.label)).toEqual(['second']);
    now += 29_999;
    expect(await service.undoDelete(undoToken)).toMatchObject({ id: 'id-1', label: 'first' });
    expect(service.list().map((a) => a.label)).toEqual(['first', 'second']);
    expect((await rejection(service.undoDelete(undoToken))).code).toBe('NOT_FOUND');
  });

  it('forgets an undo token after 30 seconds', async () => {
    await service.add({ issuer: '', label: 'first', secret: RFC_SHA1 });
    const { undoToken } = await service.delete('id-1');
    now += 30_000;
    const error = await rejection(service.undoDelete(undoToken));
    expect(error.message).toMatch(/only possible for 30 seconds/);
    expect(service.list()).toEqual([]);
  });

  it('keeps the undo token usable when restoring could not be saved', async () => {
    await service.add({ issuer: '', label: 'first', secret: RFC_SHA1 });
    const { undoToken } = await service.delete('id-1');
    vault.failNextSave = true;
    await expect(service.undoDelete(undoToken)).rejects.toThrow('disk full');
    expect((await service.undoDelete(undoToken)).id).toBe('id-1');
  });

  it('reveals the secret and a Key Uri that parses back to the same account', async () => {
    await service.addUri(`otpauth://hotp/ACME:alice?secret=${RFC_SHA1}&counter=7&digits=7&algorithm=SHA256`);
    const details = service.reveal('id-1');
    expect(details).toMatchObject({ secret: RFC_SHA1, counter: 7, digits: 7 });
    expect(details.uri).toBe(`otpauth://hotp/ACME:alice?secret=${RFC_SHA1}&issuer=ACME&algorithm=SHA256&digits=7&counter=7`);
  });

  it('reports a damaged account list as VAULT_CORRUPT', async () => {
    await vault.update((doc) => {
      doc.accounts = [{ id: 'x' }];
    });
    expect(() => service.list()).toThrow(expect.objectContaining({ code: 'VAULT_CORRUPT' }));
  });
});

describe('query matching for the CLI', () => {
  it('matches a case-insensitive substring of issuer or label, and an exact label wins', async () => {
    let id = 0;
    const service = new AccountsService(new MemoryVault(), { now: () => 0, newId: () => `id-${++id}` });
    await service.add({ issuer: 'GitHub', label: 'alice', secret: RFC_SHA1 });
    await service.add({ issuer: 'GitLab', label: 'alice.smith', secret: RFC_SHA256 });
    await service.add({ issuer: 'Google', label: 'bob', secret: 'JBSWY3DPEHPK3PXP' });
    expect(service.query('git').map((a) => a.id)).toEqual(['id-1', 'id-2']);
    expect(service.query('ALICE').map((a) => a.id)).toEqual(['id-1']);
    expect(service.query('smith').map((a) => a.id)).toEqual(['id-2']);
    expect(service.query('gitlab:alice.smith').map((a) => a.id)).toEqual(['id-2']);
    expect(service.query('goo').map((a) => a.id)).toEqual(['id-3']);
    expect(service.query('nothing')).toEqual([]);
    expect(service.query('  ')).toEqual([]);
  });
});
