import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAccountFields } from '../../electron/core/backup/account-fields';
import { importBackup, type ImportOptions } from '../../electron/core/backup/import-backup';
import type { ImportResult } from '../../electron/core/backup/imported-account';
import { exportTraykeyBackup } from '../../electron/core/backup/traykey-backup';
import { AppError } from '../../shared/errors';
import { PASSPHRASE, SAMPLE_ACCOUNTS, SMALL_SCRYPT } from '../unit/backup/fixtures/accounts';
import { aegisEncrypted, aegisEntry, aegisPlain, twoFasEncrypted, twoFasPlain, twoFasService } from '../unit/backup/fixtures/foreign-encoders';

/*
 * Property: whatever bytes arrive, importBackup either returns a well-formed result or throws an
 * AppError — never another exception, never a hang. Small KDF limits are passed explicitly so a mutated
 * file cannot ask for real scrypt work; 2FAS' PBKDF2 cost is fixed by its format, so it gets fewer runs.
 */
const LIMITS = { maxScryptWork: 64 };
const OPTIONS: ImportOptions = { passphrase: PASSPHRASE, limits: LIMITS };
const PER_RUN_TIMEOUT_MS = 2_000;
// Each block takes 1–4 s on an idle machine; the bound leaves room for a CI box shared by many jobs.
const SLOW_MACHINE_MS = 60_000;
const MIN_TOTAL_CASES = 100_000;
let casesRun = 0;

function checkResult(result: ImportResult): void {
  for (const account of result.accounts) {
    const again = checkAccountFields(account);
    if (!again.ok || JSON.stringify(again.account) !== JSON.stringify(account)) throw new Error(`importer returned an invalid account: ${again.ok ? '' : again.reason}`);
  }
  for (const problem of result.problems) {
    if (!Number.isSafeInteger(problem.number) || problem.number < 1 || problem.reason === '') throw new Error('importer returned a malformed problem');
  }
}

async function importsOrFailsTyped(bytes: Uint8Array, options: ImportOptions = OPTIONS): Promise<void> {
  casesRun += 1;
  try {
    checkResult(await importBackup(bytes, options));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.message.includes(PASSPHRASE)) throw new Error('an error message contains the passphrase');
  }
}

function assertAsync<Ts extends unknown[]>(property: fc.IAsyncProperty<Ts>, numRuns: number): Promise<void> {
  return fc.assert(property, { numRuns, timeout: PER_RUN_TIMEOUT_MS });
}

type Mutation =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'char'; at: number; char: string };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 16 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('char' as const), at: fc.nat(), char: fc.constantFrom(...'{}[]":,-0123456789eE.abcdefAZ=+/ \n\\'.split('')) }),
);

function mutate(source: Buffer, mutations: Mutation[]): Buffer {
  let bytes = Buffer.from(source);
  for (const m of mutations) {
    const at = bytes.length === 0 ? 0 : m.at % bytes.length;
    if (m.kind === 'flip' && bytes.length > 0) bytes[at] = (bytes[at] as number) ^ (1 << m.bit);
    if (m.kind === 'truncate') bytes = bytes.subarray(0, at);
    if (m.kind === 'delete') bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + m.length)]);
    if (m.kind === 'insert') bytes = Buffer.concat([bytes.subarray(0, at), m.bytes, bytes.subarray(at)]);
    if (m.kind === 'char' && bytes.length > 0) bytes[at] = m.char.charCodeAt(0);
  }
  return bytes;
}

/** Every [parent, key] pair in a JSON document, so a run can replace or delete any one node. */
function slots(doc: unknown, out: Array<[Record<string, unknown> | unknown[], string | number]> = []): typeof out {
  if (Array.isArray(doc)) doc.forEach((v, i) => { out.push([doc, i]); slots(v, out); });
  else if (typeof doc === 'object' && doc !== null) for (const [k, v] of Object.entries(doc)) { out.push([doc as Record<string, unknown>, k]); slots(v, out); }
  return out;
}

const nodeEditArb = fc.record({
  pick: fc.nat(),
  action: fc.constantFrom('replace', 'delete'),
  value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(0, -1, 1e308, 2 ** 53, '', 'A'.repeat(300), null, [], {})),
});

function editJson(source: Buffer, edits: Array<{ pick: number; action: string; value: unknown }>): Buffer {
  const doc = JSON.parse(source.toString('utf8')) as unknown;
  for (const edit of edits) {
    const all = slots(doc);
    if (all.length === 0) break;
    const [parent, key] = all[edit.pick % all.length]!;
    if (edit.action === 'delete') {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key as string];
    } else {
      (parent as Record<string | number, unknown>)[key] = edit.value;
    }
  }
  return Buffer.from(JSON.stringify(doc), 'utf8');
}

describe('backup import under generated input (fast-check)', () => {
  const files: Record<string, Buffer> = {};
  const utf8 = (text: string) => Buffer.from(text, 'utf8');

  beforeAll(async () => {
    const aegisEntries = [
      aegisEntry({ type: 'totp', name: 'alice', issuer: 'GitHub', info: { secret: 'JBSWY3DPEHPK3PXP', algo: 'SHA1', digits: 6, period: 30 } }),
      aegisEntry({ type: 'hotp', name: 'ops', issuer: 'VPN', info: { secret: 'MFRGGZDFMZTWQ2LK', algo: 'SHA256', digits: 8, counter: 7 } }),
      aegisEntry({ type: 'steam', name: 'gamer', issuer: 'Steam', info: { secret: 'ONSWG4TFOQ', algo: 'SHA1', digits: 5, period: 30 } }),
    ];
    const services = [
      twoFasService('GitHub', 'JBSWY3DPEHPK3PXP', { account: 'alice', tokenType: 'TOTP', digits: 6, period: 30, algorithm: 'SHA1' }),
      twoFasService('VPN', 'MFRGGZDFMZTWQ2LK', { account: 'ops', tokenType: 'HOTP', counter: 3, algorithm: 'SHA256', digits: 8 }),
    ];
    files.traykey = Buffer.from(await exportTraykeyBackup(SAMPLE_ACCOUNTS, PASSPHRASE, { scrypt: SMALL_SCRYPT }));
    files.aegisPlain = utf8(aegisPlain(aegisEntries));
    files.aegisEncrypted = utf8(aegisEncrypted(aegisEntries, PASSPHRASE));
    files.twoFasPlain = utf8(twoFasPlain(services));
    files.twoFasEncrypted = utf8(twoFasEncrypted(services, PASSPHRASE));
    files.uris = utf8('# list\notpauth://totp/GitHub:alice?secret=JBSWY3DPEHPK3PXP&issuer=GitHub\n\notpauth://hotp/VPN:ops?secret=MFRGGZDFMZTWQ2LK&counter=3\n');
    // The seeds themselves must import, or the mutations below would only exercise error paths.
    for (const file of Object.values(files)) expect((await importBackup(file, OPTIONS)).accounts.length).toBeGreaterThan(0);
  });

  afterAll(() => {
    expect(casesRun).toBeGreaterThanOrEqual(MIN_TOTAL_CASES);
  });

  it('random bytes: 25,600 cases', async () => {
    await assertAsync(fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), (b) => importsOrFailsTyped(b)), 25_600);
  }, SLOW_MACHINE_MS);

  it('random text with otpauth-like lines: 10,000 cases', async () => {
    const line = fc.oneof(fc.string({ maxLength: 80 }), fc.string({ maxLength: 80 }).map((s) => `otpauth://${s}`), fc.constantFrom('', '# c', 'otpauth://totp/x?secret=', 'otpauth://hotp/a:b?secret=JBSWY3DP&counter=-1'));
    await assertAsync(fc.asyncProperty(fc.array(line, { maxLength: 12 }), (lines) => importsOrFailsTyped(utf8(lines.join('\n')))), 10_000);
  }, SLOW_MACHINE_MS);

  it('random JSON values: 15,000 cases', async () => {
    await assertAsync(fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), (v) => importsOrFailsTyped(utf8(JSON.stringify(v) ?? 'null'))), 15_000);
  }, SLOW_MACHINE_MS);

  it('random JSON shaped like each format: 15,000 cases', async () => {
    const any = fc.jsonValue({ maxDepth: 2 });
    const hex = fc.uint8Array({ maxLength: 40 }).map((b) => Buffer.from(b).toString('hex'));
    const b64 = fc.uint8Array({ maxLength: 40 }).map((b) => Buffer.from(b).toString('base64'));
    const small = fc.oneof(fc.integer({ min: -4, max: 70 }), any);
    const traykey = fc.record({ format: fc.constant('traykey-backup'), version: small, kdf: fc.record({ name: fc.constantFrom('scrypt', 'x'), N: small, r: small, p: small, salt: fc.oneof(b64, any) }), cipher: fc.record({ name: fc.constant('aes-256-gcm'), nonce: fc.oneof(b64, any) }), check: fc.oneof(b64, any), ciphertext: fc.oneof(b64, any), tag: fc.oneof(b64, any) }, { requiredKeys: ['format'] });
    const slot = fc.record({ type: fc.constantFrom(0, 1, 2, '1'), n: small, r: small, p: small, salt: fc.oneof(hex, any), key: fc.oneof(hex, any), key_params: fc.oneof(fc.record({ nonce: fc.oneof(hex, any), tag: fc.oneof(hex, any) }), any) });
    const info = fc.record({ secret: fc.oneof(fc.constantFrom('JBSWY3DPEHPK3PXP', 'ab c', ''), any), algo: fc.oneof(fc.constantFrom('SHA1', 'SHA256', 'MD5'), any), digits: small, period: small, counter: small });
    const entry = fc.record({ type: fc.oneof(fc.constantFrom('totp', 'hotp', 'steam', 'yandex'), any), name: any, issuer: any, info: fc.oneof(info, any) });
    const aegis = fc.record({ version: fc.oneof(fc.constant(1), any), header: fc.oneof(fc.record({ slots: fc.oneof(fc.array(slot, { maxLength: 3 }), any), params: any }), any), db: fc.oneof(b64, fc.record({ version: small, entries: fc.oneof(fc.array(entry, { maxLength: 4 }), any) }), any) });
    const otp = fc.record({ account: any, issuer: any, digits: small, period: small, algorithm: any, tokenType: fc.oneof(fc.constantFrom('TOTP', 'HOTP', 'STEAM'), any), counter: small });
    const service = fc.record({ name: any, secret: fc.oneof(fc.constant('JBSWY3DPEHPK3PXP'), any), otp: fc.oneof(otp, any) });
    const twoFas = fc.record({ services: fc.oneof(fc.array(service, { maxLength: 4 }), any), servicesEncrypted: fc.oneof(fc.tuple(b64, b64, b64).map((p) => p.join(':')), any), reference: any }, { requiredKeys: [] });
    await assertAsync(fc.asyncProperty(fc.oneof(traykey, aegis, twoFas), (doc) => importsOrFailsTyped(utf8(JSON.stringify(doc)))), 15_000);
  }, SLOW_MACHINE_MS);

  it('byte-level mutations of valid Traykey, Aegis (plain and encrypted), 2FAS plain and URI-list files: 20,000 cases', async () => {
    const seed = fc.constantFrom('traykey', 'aegisPlain', 'aegisEncrypted', 'twoFasPlain', 'uris');
    await assertAsync(fc.asyncProperty(seed, fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (name, ms) => importsOrFailsTyped(mutate(files[name]!, ms))), 20_000);
  }, SLOW_MACHINE_MS);

  it('node-level JSON edits of valid Traykey, Aegis and 2FAS plain files: 14,000 cases', async () => {
    const seed = fc.constantFrom('traykey', 'aegisPlain', 'aegisEncrypted', 'twoFasPlain');
    await assertAsync(fc.asyncProperty(seed, fc.array(nodeEditArb, { minLength: 1, maxLength: 3 }), (name, edits) => importsOrFailsTyped(editJson(files[name]!, edits))), 14_000);
  }, SLOW_MACHINE_MS);

  it('mutations of a valid encrypted 2FAS file (fixed 10,000-iteration PBKDF2): 400 cases', async () => {
    const change = fc.oneof(mutationArb.map((m) => ({ bytes: m })), nodeEditArb.map((e) => ({ json: e })));
    await assertAsync(fc.asyncProperty(change, (c) => importsOrFailsTyped('bytes' in c ? mutate(files.twoFasEncrypted!, [c.bytes]) : editJson(files.twoFasEncrypted!, [c.json]))), 400);
  }, SLOW_MACHINE_MS);

  it('a wrong passphrase or none on every encrypted seed: typed errors only', async () => {
    for (const name of ['traykey', 'aegisEncrypted', 'twoFasEncrypted']) {
      for (const passphrase of [undefined, '', 'wrong passphrase']) await importsOrFailsTyped(files[name]!, { passphrase, limits: LIMITS });
    }
  });
});
