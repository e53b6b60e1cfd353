import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../electron/cli/main';
import { encodeJpeg, encodePng } from '../../bench/qr-corpus/encode';
import { LIGHT, renderPage, type PlacedCode } from '../../bench/qr-corpus/page';
import { migrationUri } from '../../bench/qr-corpus/payloads';
import { seededRandom } from '../../bench/qr-corpus/prng';
import type { CodeStyle } from '../../bench/qr-corpus/raster';
import { suiteTempHome } from '../../support/temp-home';

const style: CodeStyle = { moduleWidth: 4, moduleHeight: 4, rotation: 0, dark: [0, 0, 0], light: [255, 255, 255], errorCorrection: 'M', margin: 4 };
const ACME = 'otpauth://totp/Acme:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Acme';
const ACME_NEW_SECRET = 'otpauth://totp/Acme:alice@example.com?secret=KRSXG5CTMVRXEZLU&issuer=Acme';
const GITHUB = 'otpauth://hotp/GitHub:bob?secret=MFRGGZDFMZTWQ2LK&issuer=GitHub&counter=4&digits=8';
const TRANSFER = migrationUri(
  [
    { issuer: 'Okta', name: 'carol', secret: Uint8Array.from({ length: 10 }, (_, i) => i + 1), type: 'totp' },
    { issuer: 'AWS', name: 'dave', secret: Uint8Array.from({ length: 10 }, (_, i) => i + 50), type: 'totp' },
  ],
  { index: 0, size: 1, id: 7 },
);

const dir = suiteTempHome('scan');
const file = (name: string) => join(dir(), name);
const page = (codes: string[]) => renderPage(900, 650, LIGHT, codes.map((text, i): PlacedCode => ({ text, style, at: [0.05 + 0.5 * i, 0.1] })), seededRandom(3));

async function run(...args: string[]) {
  let stdout = '', stderr = '';
  const env = { TRAYKEY_HOME: join(dir(), 'home'), TRAYKEY_PASSPHRASE: 'correct horse battery staple' };
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env });
  return { code, stdout, stderr };
}

beforeAll(() => {
  writeFileSync(file('two.png'), encodePng(page([ACME, GITHUB])));
  writeFileSync(file('transfer.jpg'), encodeJpeg(page([TRANSFER]), 75));
  writeFileSync(file('replaced.png'), encodePng(page([ACME_NEW_SECRET])));
  writeFileSync(file('link.png'), encodePng(page(['https://example.com/help'])));
  writeFileSync(file('empty.png'), encodePng(page([])));
  writeFileSync(file('notes.png'), 'these are notes, not an image');
});


describe('traykey scan', () => {
  it('prints one JSON array with every code (with --reveal), the accounts they hold and the decode time', async () => {
    const { code, stdout } = await run('scan', '--json', '--reveal', file('two.png'), file('transfer.jpg'), file('empty.png'));
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Array<{ file: string; codes: string[]; accounts: unknown[]; ms: number }>;
    expect(report.map((r) => r.file)).toEqual([file('two.png'), file('transfer.jpg'), file('empty.png')]);
    expect(report[0]!.codes.sort()).toEqual([ACME, GITHUB].sort());
    expect(report[0]!.accounts).toEqual(
      expect.arrayContaining([
        { issuer: 'Acme', label: 'alice@example.com', type: 'totp', algorithm: 'SHA1', digits: 6, period: 30 },
        { issuer: 'GitHub', label: 'bob', type: 'hotp', algorithm: 'SHA1', digits: 8, period: 30, counter: 4 },
      ]),
    );
    expect(report[1]!.accounts).toEqual([
      { issuer: 'Okta', label: 'carol', type: 'totp', algorithm: 'SHA1', digits: 6, period: 30 },
      { issuer: 'AWS', label: 'dave', type: 'totp', algorithm: 'SHA1', digits: 6, period: 30 },
    ]);
    expect(report[2]).toMatchObject({ codes: [], accounts: [] });
    expect(report.every((r) => typeof r.ms === 'number' && r.ms >= 0)).toBe(true);
  });

  it('shows issuers and names but no secret unless --reveal is given', async () => {
    const json = await run('scan', '--json', file('two.png'), file('link.png'));
    expect(json.code).toBe(0);
    expect(json.stdout).not.toContain('JBSWY3DPEHPK3PXP');
    expect(json.stdout).not.toContain('otpauth://');
    const report = JSON.parse(json.stdout) as Array<{ codes: string[]; accounts: Array<{ issuer: string }> }>;
    expect(report[0]!.accounts.map((a) => a.issuer).sort()).toEqual(['Acme', 'GitHub']);
    expect(report[1]!.codes).toEqual(['https://example.com/help']);
    const text = await run('scan', file('two.png'));
    expect(text.stdout).toContain('account Acme (alice@example.com): totp, SHA1, 6 digits, 30 s');
    expect(text.stdout).not.toContain('secret=');
    expect((await run('scan', '--reveal', file('two.png'))).stdout).toContain(ACME);
  });

  it('describes each code in plain text, links as links', async () => {
    const { code, stdout } = await run('scan', file('link.png'), file('transfer.jpg'));
    expect(code).toBe(0);
    expect(stdout).toContain('https://example.com/help\n    a web address, not an account');
    expect(stdout).toContain('Google Authenticator transfer, code 1 of 1, 2 accounts:');
    expect(stdout).toContain('account Okta (carol): totp, SHA1, 6 digits, 30 s');
  });

  it('exits 1 with a sentence naming a file that is not an image, printing no results', async () => {
    const { code, stdout, stderr } = await run('scan', '--json', file('two.png'), file('notes.png'));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`${file('notes.png')} is not a PNG or JPEG image.\n`);
    expect((await run('scan', file('missing.png'))).stderr).toContain(file('missing.png'));
  });
});

describe('traykey import', () => {
  it('adds every account found, then skips duplicates by default, naming them, and replaces them in place when asked', async () => {
    expect(await run('import', file('two.png'), file('transfer.jpg'))).toMatchObject({ code: 0, stdout: 'Added 4, replaced 0, skipped 0 (duplicates are skipped).\n' });
    const order = (JSON.parse((await run('list', '--json')).stdout) as Array<{ issuer: string }>).map((a) => a.issuer);
    expect(await run('import', file('replaced.png'))).toEqual({
      code: 0,
      stdout: 'Added 0, replaced 0, skipped 1 (duplicates are skipped).\n',
      stderr: 'Not imported Acme (alice@example.com): an account with the same issuer and name already exists.\n',
    });
    expect(await run('import', '--on-duplicate', 'replace', file('replaced.png'))).toMatchObject({ code: 0, stdout: 'Added 0, replaced 1, skipped 0 (duplicates are replaced).\n' });
    const listed = JSON.parse((await run('list', '--json')).stdout) as Array<{ issuer: string }>;
    expect(listed.map((a) => a.issuer)).toEqual(order);
  });

  it('saves nothing from images without an account', async () => {
    const { code, stderr } = await run('import', file('link.png'), file('empty.png'));
    expect(code).toBe(1);
    expect(stderr).toContain('No account was found');
  });

  it('refuses an unknown duplicate policy as a usage error', async () => {
    expect((await run('import', '--on-duplicate', 'merge', file('two.png'))).code).toBe(2);
  });
});
