import { describe, expect, it } from 'vitest';
import { forTerminal, terminalSafeIo, tsvLine } from '../../../electron/cli/terminal-text';
import { Vault } from '../../../electron/core/vault/vault';
import { cliInTempHome } from './run-cli';

const HOSTILE = 'hi\u001b[1A\u001b[2Kfake line';

describe('text from servers and files on a terminal', () => {
  it('shows escape sequences, newlines and bidi overrides as visible escapes', () => {
    expect(forTerminal(HOSTILE)).toBe('hi\\u001B[1A\\u001B[2Kfake line');
    expect(forTerminal('a\nb\tc\u202ed\u0085')).toBe('a\\u000Ab\\u0009c\\u202Ed\\u0085');
    expect(forTerminal('Zoë 👩‍💻 בנק')).toBe('Zoë 👩‍💻 בנק');
  });

  it('keeps a line with a hostile field on one line with the right number of columns', () => {
    expect(tsvLine(['bob\nroot', 'failed', undefined, 'E0000001\t x'])).toBe('bob\\u000Aroot\tfailed\tE0000001\\u0009 x\n');
  });

  it('escapes anything unsafe written through the CLI’s streams, keeping its own newlines and tabs', () => {
    let out = '';
    const io = terminalSafeIo({ stdout: (text) => void (out += text), stderr: () => undefined, env: {} });
    io.stdout(`${JSON.stringify({ name: 'x\u202e\u009b' })}\tok\n`);
    expect(out).toBe('{"name":"x\\u202E\\u009B"}\tok\n');
    expect(JSON.parse(out.split('\t')[0] ?? '')).toEqual({ name: 'x\u202e\u009b' });
  });

  it('traykey list prints a stored name holding an escape sequence as text', async () => {
    const cli = await cliInTempHome();
    expect((await cli.run(['add', 'otpauth://totp/Good:bob?secret=JBSWY3DPEHPK3PXP'])).code).toBe(0);
    // A vault written before names were checked (or by another program) may still hold one.
    const vault = await Vault.open({ home: cli.home, keySource: { kind: 'passphrase', passphrase: 'pw' }, unsafeTestScrypt: { N: 1024, r: 8, p: 1 } });
    await vault.update((doc) => {
      const [account] = doc.accounts as { issuer: string; label: string }[];
      if (account) account.issuer = `Evil\u001b[2J${HOSTILE}`;
    });
    vault.close();
    const listed = await cli.run(['list']);
    expect(listed.stdout).not.toContain('\u001b');
    expect(listed.stdout).toBe('Evil\\u001B[2Jhi\\u001B[1A\\u001B[2Kfake line (bob)\ttotp, 6 digits, 30 s\n');
  });

  it('error messages that quote a server are escaped too', async () => {
    const cli = await cliInTempHome();
    const run = await cli.run(['code', HOSTILE]);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toContain('\u001b');
    expect(run.stderr).toContain('\\u001B[1A');
  });
});
