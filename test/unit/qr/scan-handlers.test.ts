import { describe, expect, it } from 'vitest';
import { AccountsService } from '../../../electron/core/accounts/accounts-service';
import { createScanHandlers } from '../../../electron/core/handlers/scan';
import { isAppError } from '../../../shared/errors';
import type { CapturedDisplay } from '../../../shared/ipc/scan';
import { migrationUri } from '../../bench/qr-corpus/payloads';
import { MemoryVault } from '../accounts/memory-vault';

const A = 'JBSWY3DPEHPK3PXP';
const B = 'KRSXG5CTMVRXEZLU';
const uri = (issuer: string, label: string, secret: string) => `otpauth://totp/${issuer}:${label}?secret=${secret}&issuer=${issuer}`;
const bytes = (n: number): Uint8Array => Uint8Array.from({ length: 10 }, (_, i) => (i * 31 + n) & 255);

async function setup() {
  const vault = new MemoryVault();
  const accounts = new AccountsService(vault, { now: () => 1_700_000_000_000 });
  const stored = await accounts.insert({ issuer: 'Acme', label: 'alice', type: 'totp', algorithm: 'SHA1', digits: 6, period: 30, secret: A });
  return { vault, accounts, stored, handlers: createScanHandlers({ accounts }) };
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
    const { codes } = await handlers['scan:preview']({ texts: [uri('Acme', 'alice', B), uri('Other', 'carol', A), uri('New', 'dave', B.replace('K', 'M')), 'https://example.com'] });
    expect(JSON.stringify(codes)).not.toContain(A);
    expect(codes.map((c) => c.kind)).toEqual(['otpauth', 'otpauth', 'otpauth', 'link']);
    const duplicates = codes.flatMap((c) => ('accounts' in c ? c.accounts.map((a) => a.duplicateOf?.id ?? null) : []));
    expect(duplicates).toEqual([stored.id, stored.id, null]);
    expect(codes[3]).toEqual({ kind: 'link', index: 3, text: 'https://example.com' });
  });

  it('shows a transfer code with its batch and every account', async () => {
    const { handlers } = await setup();
    const text = migrationUri([0, 1, 2].map((n) => ({ issuer: `I${n}`, name: `u${n}`, secret: bytes(n), type: 'totp' as const })), { index: 0, size: 2, id: 5 });
    const { codes } = await handlers['scan:preview']({ texts: [text] });
    expect(codes[0]).toMatchObject({ kind: 'migration', batch: { index: 0, size: 2, id: 5 } });
    expect(codes[0]?.kind === 'migration' && codes[0].accounts.map((a) => a.key)).toEqual(['0:0', '0:1', '0:2']);
  });

  it('imports new accounts, skips duplicates unless asked to replace, and leaves out unticked ones', async () => {
    const { handlers, accounts } = await setup();
    const texts = [uri('Acme', 'alice', B), uri('New', 'dave', 'MFRGGZDFMZTWQ2LK'), uri('Left', 'out', 'GEZDGNBVGY3TQOJQ')];
    expect(await handlers['scan:import']({ texts, skip: ['2:0'], replace: [] })).toEqual({ added: 1, replaced: 0, skipped: 2 });
    expect(accounts.list().map((a) => a.issuer).sort()).toEqual(['Acme', 'New']);
    expect(accounts.reveal(accounts.list().find((a) => a.issuer === 'Acme')!.id).secret).toBe(A);

    expect(await handlers['scan:import']({ texts: [uri('Acme', 'alice', B)], skip: [], replace: ['0:0'] })).toEqual({ added: 0, replaced: 1, skipped: 0 });
    expect(accounts.reveal(accounts.list().find((a) => a.issuer === 'Acme')!.id).secret).toBe(B);
  });

  it('imports every account of a transfer code', async () => {
    const { handlers, accounts } = await setup();
    const text = migrationUri([0, 1, 2].map((n) => ({ issuer: `I${n}`, name: `u${n}`, secret: bytes(n), type: 'totp' as const })), { index: 0, size: 1, id: 5 });
    expect(await handlers['scan:import']({ texts: [text], skip: [], replace: [] })).toEqual({ added: 3, replaced: 0, skipped: 0 });
    expect(accounts.list()).toHaveLength(4);
  });

  it('saves nothing when no code holds an account', async () => {
    const { handlers, vault } = await setup();
    const saves = vault.saves;
    expect(await errorOf(handlers['scan:import']({ texts: ['https://example.com', 'otpauth-migration://offline?data=%%'], skip: [], replace: [] }))).toMatchObject({ code: 'INVALID_INPUT' });
    expect(vault.saves).toBe(saves);
  });

  it('captures the screen only where a screen source exists', async () => {
    const { accounts, handlers } = await setup();
    expect(await errorOf(handlers['scan:capture']({}))).toMatchObject({ code: 'UNSUPPORTED' });
    const display: CapturedDisplay = { id: '1', label: 'Built-in', width: 2, height: 1, scaleFactor: 2, channelOrder: 'bgra', pixels: new Uint8Array(8) };
    const withScreen = createScanHandlers({ accounts, screen: { captureDisplays: async () => [display] } });
    expect(await withScreen['scan:capture']({})).toEqual({ displays: [display] });
  });
});
