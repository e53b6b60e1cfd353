import { beforeEach, describe, expect, it } from 'vitest';
import { clipboardTools } from '../../../electron/core/clipboard/command-clipboard';
import { SettingsStore } from '../../../electron/core/settings/settings-store';
import { FakeClipboard } from '../../support/fake-clipboard';
import { ManualTimers } from '../../support/fake-timers';
import { cliInTempHome } from './run-cli';

const SHA1 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

/** A clipboard in memory, and the timers of the clearing helper, fired by hand. */
function fakes() {
  const clipboard = new FakeClipboard();
  const timers = new ManualTimers();
  const helpers: Array<[string, string, number]> = [];
  return { clipboard, timers, helpers, deps: { clipboard: () => clipboard, timers, clearClipboardLater: (query: string, text: string, seconds: number) => void helpers.push([query, text, seconds]) } };
}

describe('traykey copy', () => {
  let cli: Awaited<ReturnType<typeof cliInTempHome>>;
  let fake: ReturnType<typeof fakes>;
  beforeEach(async () => {
    fake = fakes();
    cli = await cliInTempHome(() => 59_000, { deps: fake.deps });
    await cli.run(['add', '--issuer', 'ACME', '--name', 'alice', '--secret', SHA1]);
  });

  it('puts the current code on the clipboard and has it cleared after the app’s delay', async () => {
    expect(await cli.run(['copy', 'alice'])).toEqual({ code: 0, stdout: '', stderr: 'Copied the code of ACME (alice); the clipboard is cleared in 30 s if it still holds it.\n' });
    expect(fake.clipboard.current).toBe('287082');
    expect(fake.helpers).toEqual([['alice', '287082', 30]]);
  });

  it('follows the delay set in the app, or --clear-after, and 0 keeps the code', async () => {
    await new SettingsStore(cli.home).set({ clipboardClearSeconds: 10 });
    await cli.run(['copy', 'alice']);
    await cli.run(['copy', 'alice', '--clear-after', '45']);
    expect((await cli.run(['copy', 'alice', '--clear-after', '0'])).stderr).toBe('Copied the code of ACME (alice).\n');
    expect(fake.helpers.map(([, , seconds]) => seconds)).toEqual([10, 45]);
  });

  it('clears in the helper only if the clipboard still holds the code', async () => {
    await fake.clipboard.writeText('287082');
    expect((await cli.run(['copy', 'alice', '--clear-watch', '30'], {}, '287082')).code).toBe(0);
    await fake.timers.fireAll();
    expect(fake.clipboard.current).toBe('');

    await fake.clipboard.writeText('something the person copied since');
    await cli.run(['copy', 'alice', '--clear-watch', '30'], {}, '287082');
    await fake.timers.fireAll();
    expect(fake.clipboard.current).toBe('something the person copied since');
  });

  it('says what to install when there is no clipboard program', async () => {
    const bare = await cliInTempHome(() => 59_000, { deps: { clipboard: () => undefined } });
    const run = await bare.run(['copy', 'alice']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('No clipboard program was found: install wl-clipboard (Wayland) or xclip or xsel (X11)');
  });
});

describe('the clipboard programs', () => {
  const all = () => true;
  it('uses wl-clipboard under Wayland, xclip or xsel under X11, and none without a desktop session', () => {
    expect(clipboardTools('linux', { WAYLAND_DISPLAY: 'wayland-0', DISPLAY: ':0' }, all)?.name).toBe('wl-clipboard');
    expect(clipboardTools('linux', { DISPLAY: ':0' }, all)?.name).toBe('xclip');
    expect(clipboardTools('linux', { DISPLAY: ':0' }, (command) => command === 'xsel')?.name).toBe('xsel');
    expect(clipboardTools('linux', {}, all)).toBeUndefined();
    expect(clipboardTools('linux', { DISPLAY: ':0' }, () => false)).toBeUndefined();
  });

  it('uses pbcopy on macOS and clip with PowerShell on Windows', () => {
    expect(clipboardTools('darwin', {}, all)?.read).toEqual(['pbpaste']);
    expect(clipboardTools('win32', {}, all)?.write).toEqual(['clip']);
  });
});
