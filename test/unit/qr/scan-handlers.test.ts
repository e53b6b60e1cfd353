import { describe, expect, it } from 'vitest';
import { AccountsService } from '../../../electron/core/accounts/accounts-service';
import { createScanHandlers } from '../../../electron/core/handlers/scan';
import { isAppError } from '../../../shared/errors';
import { SCAN_LIFETIME_MS } from '../../../electron/core/qr/scan-sessions';
import { ScreenShares } from '../../../electron/core/qr/screen-shares';
import { migrationUri } from '../../bench/qr-corpus/payloads';
import { MemoryVault } from '../accounts/memory-vault';

const A = 'JBSWY3DPEHPK3PXP';
const B = 'KRSXG5CTMVRXEZLU';
const uri = (issuer: string, label: string, secret: string) => `otpauth://totp/${issuer}:${label}?secret=${secret}&issuer=${issuer}`;
const bytes = (n: number): Uint8Array => Uint8Array.from({ length: 10 }, (_, i) => (i * 31 + n) & 255);

const clock = { now: 1_700_000_000_000 };
const PAGE = { sender: 'frame:1:1' };

async function setup() {
  const vault = new MemoryVault();
  const accounts = new AccountsService(vault, { now: () => 1_700_000_000_000 });
  const stored = await accounts.insert({ issuer: 'Acme', label: 'alice', type: 'totp', algorithm: 'SHA1', digits: 6, period: 30, secret: A });
  return { vault, accounts, stored, handlers: createScanHandlers({ accounts, now: () => clock.now }) };
}

async function errorOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error.toData();
  }
  throw new Error('expected an AppError');
}

describe('scan handlers', () => {
  it('previews accounts without secrets and names the stored account each duplicates', async () => {
    const { handlers, stored } = await setup();
    const { codes, token } = await handlers['scan:preview']({ texts: [uri('Acme', 'alice', B), uri('Other', 'carol', A), uri('New', 'dave', B.replace('K', 'M')), 'https://example.com'] }, PAGE);
    expect(JSON.stringify(codes)).not.toContain(A);
    expect(JSON.stringify(codes)).not.toContain(B);
    expect(token).toMatch(/^[\w-]{24}$/);
    expect(codes.map((c) => c.kind)).toEqual(['otpauth', 'otpauth', 'otpauth', 'link']);
    const duplicates = codes.flatMap((c) => ('accounts' in c ? c.accounts.map((a) => a.duplicateOf?.id ?? null) : []));
    expect(duplicates).toEqual([stored.id, stored.id, null]);
    expect(codes[3]).toEqual({ kind: 'link', index: 3, text: 'https://example.com' });
  });

  it('shows a transfer code with its batch and every account', async () => {
    const { handlers } = await setup();
    const text = migrationUri([0, 1, 2].map((n) => ({ issuer: `I${n}`, name: `u${n}`, secret: bytes(n), type: 'totp' as const })), { index: 0, size: 2, id: 5 });
    const { codes } = await handlers['scan:preview']({ texts: [text] }, PAGE);
    expect(codes[0]).toMatchObject({ kind: 'migration', batch: { index: 0, size: 2, id: 5 } });
    expect(codes[0]?.kind === 'migration' && codes[0].accounts.map((a) => a.key)).toEqual(['0:0', '0:1', '0:2']);
  });

  it('adds the next codes of a transfer to the same scan, each text once, under a new token', async () => {
    const { handlers } = await setup();
    const part = (index: number) => migrationUri([{ issuer: `I${index}`, name: `u${index}`, secret: bytes(index), type: 'totp' as const }], { index, size: 2, id: 7 });
    const first = await handlers['scan:preview']({ texts: [part(0)] }, PAGE);
    const second = await handlers['scan:preview']({ texts: [part(0), part(1)], token: first.token }, PAGE);
    expect(second.token).not.toBe(first.token);
    expect(second.codes.map((c) => (c.kind === 'migration' ? `${c.index}:${c.batch.index}` : c.kind))).toEqual(['0:0', '1:1']);
    expect(await errorOf(handlers['scan:preview']({ texts: [], token: first.token }, PAGE))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('imports by token: new accounts, duplicates skipped unless asked to replace, unticked ones left out', async () => {
    const { handlers, accounts } = await setup();
    const { token } = await handlers['scan:preview']({ texts: [uri('Acme', 'alice', B), uri('New', 'dave', 'MFRGGZDFMZTWQ2LK'), uri('Left', 'out', 'GEZDGNBVGY3TQOJQ')] }, PAGE);
    expect(await handlers['scan:import']({ token, skip: ['2:0'], replace: [] }, PAGE)).toEqual({ added: 1, replaced: 0, skipped: 2 });
    expect(accounts.list().map((a) => a.issuer).sort()).toEqual(['Acme', 'New']);
    expect(accounts.reveal(accounts.list().find((a) => a.issuer === 'Acme')!.id).secret).toBe(A);

    const again = await handlers['scan:preview']({ texts: [uri('Acme', 'alice', B)] }, PAGE);
    expect(await handlers['scan:import']({ token: again.token, skip: [], replace: ['0:0'] }, PAGE)).toEqual({ added: 0, replaced: 1, skipped: 0 });
    expect(accounts.reveal(accounts.list().find((a) => a.issuer === 'Acme')!.id).secret).toBe(B);
  });

  it('imports every account of a transfer code', async () => {
    const { handlers, accounts } = await setup();
    const text = migrationUri([0, 1, 2].map((n) => ({ issuer: `I${n}`, name: `u${n}`, secret: bytes(n), type: 'totp' as const })), { index: 0, size: 1, id: 5 });
    const { token } = await handlers['scan:preview']({ texts: [text] }, PAGE);
    expect(await handlers['scan:import']({ token, skip: [], replace: [] }, PAGE)).toEqual({ added: 3, replaced: 0, skipped: 0 });
    expect(accounts.list()).toHaveLength(4);
  });

  it('spends a token once, refuses it from another page or after it expired, and forgets a discarded scan', async () => {
    const { handlers, vault } = await setup();
    const texts = [uri('New', 'dave', 'MFRGGZDFMZTWQ2LK')];
    const saves = vault.saves;
    const other = await handlers['scan:preview']({ texts }, PAGE);
    expect(await errorOf(handlers['scan:import']({ token: other.token, skip: [], replace: [] }, { sender: 'frame:2:9' }))).toMatchObject({ code: 'NOT_FOUND' });

    const used = await handlers['scan:preview']({ texts }, PAGE);
    await handlers['scan:import']({ token: used.token, skip: [], replace: [] }, PAGE);
    expect(await errorOf(handlers['scan:import']({ token: used.token, skip: [], replace: [] }, PAGE))).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/scan the codes again/) });

    const stale = await handlers['scan:preview']({ texts: [uri('Late', 'erin', 'GEZDGNBVGY3TQOJQ')] }, PAGE);
    clock.now += SCAN_LIFETIME_MS;
    expect(await errorOf(handlers['scan:import']({ token: stale.token, skip: [], replace: [] }, PAGE))).toMatchObject({ code: 'NOT_FOUND' });

    const dropped = await handlers['scan:preview']({ texts: [uri('Gone', 'fay', 'GEZDGNBVGY3TQOJQ')] }, PAGE);
    await handlers['scan:discard']({ token: dropped.token }, { sender: 'frame:2:9' });
    await handlers['scan:discard']({ token: dropped.token }, PAGE);
    expect(await errorOf(handlers['scan:import']({ token: dropped.token, skip: [], replace: [] }, PAGE))).toMatchObject({ code: 'NOT_FOUND' });
    expect(vault.saves).toBe(saves + 1);
  });

  it('saves nothing when no code holds an account', async () => {
    const { handlers, vault } = await setup();
    const saves = vault.saves;
    const { token } = await handlers['scan:preview']({ texts: ['https://example.com', 'otpauth-migration://offline?data=%%'] }, PAGE);
    expect(await errorOf(handlers['scan:import']({ token, skip: [], replace: [] }, PAGE))).toMatchObject({ code: 'INVALID_INPUT' });
    expect(vault.saves).toBe(saves);
  });

  it('refuses a scan of more codes than one scan holds, and keeps the scan as it was', async () => {
    const { handlers } = await setup();
    const first = await handlers['scan:preview']({ texts: Array.from({ length: 40 }, (_, i) => `text ${i}`) }, PAGE);
    expect(await errorOf(handlers['scan:preview']({ texts: Array.from({ length: 40 }, (_, i) => `more ${i}`), token: first.token }, PAGE))).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/at most 64/) });
    expect((await handlers['scan:preview']({ texts: ['one more'], token: first.token }, PAGE)).codes).toHaveLength(41);
  });

  it('offers screens only where they can be listed, with their native sizes and never a source id', async () => {
    const { accounts, handlers } = await setup();
    expect(await errorOf(handlers['scan:screens']({}, PAGE))).toMatchObject({ code: 'UNSUPPORTED' });
    const roster = { listScreens: async () => [{ sourceId: 'screen:1:0', name: 'Screen 1', label: 'Built-in', width: 3024, height: 1964 }] };
    const withScreens = createScanHandlers({ accounts, now: () => clock.now, screens: new ScreenShares(roster, () => clock.now) });
    const offered = await withScreens['scan:screens']({}, PAGE);
    expect(offered).toEqual({ screens: [{ label: 'Built-in', width: 3024, height: 1964 }] });
    expect(JSON.stringify(offered)).not.toContain('screen:1:0');
  });
});
