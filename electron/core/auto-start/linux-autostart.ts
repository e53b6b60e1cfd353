import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Start-at-login on Linux: a freedesktop autostart entry, since Electron's login items cover only
 * macOS and Windows. No Electron here, so the file handling is tested under plain Node.
 */
export function autostartFile(env: NodeJS.ProcessEnv): string {
  const configHome = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : join(homedir(), '.config');
  return join(configHome, 'autostart', 'traykey.desktop');
}

/** Quotes one Exec argument per the Desktop Entry spec (double quotes; escape " ` $ \\). */
export function quoteExecArgument(arg: string): string {
  if (/^[A-Za-z0-9_\-./]+$/.test(arg)) return arg;
  return `"${arg.replace(/[\\"`$]/g, (c) => `\\${c}`)}"`;
}

export function autostartEntry(command: readonly string[]): string {
  if (command.some((arg) => /[\n\r]/.test(arg))) throw new Error('A start-at-login command cannot contain line breaks.');
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Traykey',
    'Comment=Desktop tray authenticator',
    `Exec=${command.map(quoteExecArgument).join(' ')}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export interface LinuxAutostart {
  isEnabled(): boolean;
  setEnabled(enabled: boolean): void;
}

export function linuxAutostart(options: { env: NodeJS.ProcessEnv; command: readonly string[] }): LinuxAutostart {
  const file = autostartFile(options.env);
  return {
    isEnabled: () => existsSync(file) && readFileSync(file, 'utf8').includes('X-GNOME-Autostart-enabled=true'),
    setEnabled: (enabled) => {
      if (!enabled) {
        rmSync(file, { force: true });
        return;
      }
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, autostartEntry(options.command), { mode: 0o644 });
    },
  };
}
