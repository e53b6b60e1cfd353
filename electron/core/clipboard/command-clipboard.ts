import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Clipboard } from '../capabilities';
import type { Env } from '../paths';

/** The command-line programs that write and read this computer's clipboard, for the CLI (the app uses Electron's). */
export interface ClipboardTools {
  name: string;
  write: readonly [string, ...string[]];
  read: readonly [string, ...string[]];
}

/** Where a program of that name is on PATH (with .exe on Windows), if anywhere. */
export function onPath(env: Env, platform: NodeJS.Platform): (command: string) => boolean {
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  const names = (command: string) => (platform === 'win32' ? [`${command}.exe`, command] : [command]);
  return (command) => dirs.some((dir) => names(command).some((name) => existsSync(join(dir, name))));
}

/**
 * The clipboard programs this computer offers: pbcopy/pbpaste on macOS, clip and PowerShell on
 * Windows; on Linux wl-clipboard in a Wayland session, else xclip or xsel under X11. Undefined when
 * there is no graphical session or none of them is installed.
 */
export function clipboardTools(platform: NodeJS.Platform, env: Env, installed: (command: string) => boolean): ClipboardTools | undefined {
  const candidates: ClipboardTools[] =
    platform === 'darwin'
      ? [{ name: 'pbcopy', write: ['pbcopy'], read: ['pbpaste'] }]
      : platform === 'win32'
        ? [{ name: 'clip', write: ['clip'], read: ['powershell', '-NoProfile', '-Command', 'Get-Clipboard -Raw'] }]
        : [
            ...(env.WAYLAND_DISPLAY ? [{ name: 'wl-clipboard', write: ['wl-copy'], read: ['wl-paste', '--no-newline'] } as ClipboardTools] : []),
            ...(env.DISPLAY
              ? [
                  { name: 'xclip', write: ['xclip', '-selection', 'clipboard'], read: ['xclip', '-selection', 'clipboard', '-o'] } as ClipboardTools,
                  { name: 'xsel', write: ['xsel', '--clipboard', '--input'], read: ['xsel', '--clipboard', '--output'] } as ClipboardTools,
                ]
              : []),
          ];
  return candidates.find((tools) => installed(tools.write[0]) && installed(tools.read[0]));
}

/** The sentence for a computer without any of those programs. */
export const NO_CLIPBOARD_TOOL =
  'No clipboard program was found: install wl-clipboard (Wayland) or xclip or xsel (X11) in a desktop session, or print the code with `traykey code NAME`.';

/** A Clipboard driven by those programs. */
export function commandClipboard(tools: ClipboardTools): Clipboard {
  const [reader, ...readArgs] = tools.read;
  const [writer, ...writeArgs] = tools.write;
  return {
    readText: () =>
      new Promise((resolve, reject) => {
        execFile(reader, readArgs, { encoding: 'utf8', timeout: 5_000 }, (error, stdout) => (error ? reject(error) : resolve(stdout.replace(/\r?\n$/, ''))));
      }),
    // xclip and xsel stay behind to serve the selection: wait for the writer to exit, not for its output to close.
    writeText: (text) =>
      new Promise((resolve, reject) => {
        const child = spawn(writer, writeArgs, { stdio: ['pipe', 'ignore', 'ignore'] });
        child.on('error', reject);
        child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${writer} exited with ${code}`))));
        child.stdin.end(text);
      }),
  };
}
