import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { autostartEntry, autostartFile, linuxAutostart, quoteExecArgument } from '../../../electron/core/auto-start/linux-autostart';
import { tempHomeSync } from '../../support/temp-home';

describe('start at login on Linux', () => {
  it('is off until the user turns it on, and writes an XDG autostart entry when they do', () => {
    const config = tempHomeSync('autostart');
    const autostart = linuxAutostart({ env: { XDG_CONFIG_HOME: config }, command: ['/home/a/Apps/Traykey.AppImage'] });
    expect(autostart.isEnabled()).toBe(false);
    autostart.setEnabled(true);
    expect(autostart.isEnabled()).toBe(true);
    const file = join(config, 'autostart', 'traykey.desktop');
    expect(readFileSync(file, 'utf8')).toContain('Exec=/home/a/Apps/Traykey.AppImage\n');
    expect(statSync(file).mode & 0o777).toBe(0o644);
    autostart.setEnabled(false);
    expect(autostart.isEnabled()).toBe(false);
    autostart.setEnabled(false);
  });

  it('falls back to ~/.config when XDG_CONFIG_HOME is unset or not absolute', () => {
    expect(autostartFile({})).toMatch(/\.config\/autostart\/traykey\.desktop$/);
    expect(autostartFile({ XDG_CONFIG_HOME: 'relative' })).toMatch(/\.config\/autostart\/traykey\.desktop$/);
  });

  it('quotes paths with spaces and shell-special characters the way the Desktop Entry spec asks', () => {
    expect(quoteExecArgument('/opt/Traykey/traykey')).toBe('/opt/Traykey/traykey');
    expect(quoteExecArgument('/home/a b/$HOME/"x"`y`\\z')).toBe('"/home/a b/\\$HOME/\\"x\\"\\`y\\`\\\\z"');
  });

  it('refuses a command with a line break, which could smuggle extra keys into the entry', () => {
    expect(() => autostartEntry(['/tmp/x\nExec=/bin/evil'])).toThrow(/line breaks/);
  });
});
