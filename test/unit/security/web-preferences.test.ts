import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { popupWebPreferences, popupWindowOptions } from '../../../electron/main/window/web-preferences';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('popup window webPreferences', () => {
  const prefs = popupWebPreferences({ preloadPath: '/app/dist/electron/preload.cjs', devTools: false });

  it('isolates the page from Node and from the preload', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps the web platform protections on and the risky features off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.spellcheck).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
  });

  it('loads the given preload script and nothing else', () => {
    expect(prefs.preload).toBe('/app/dist/electron/preload.cjs');
    expect(Object.keys(prefs).sort()).toEqual(
      [
        'allowRunningInsecureContent',
        'contextIsolation',
        'devTools',
        'navigateOnDragDrop',
        'nodeIntegration',
        'nodeIntegrationInSubFrames',
        'nodeIntegrationInWorker',
        'preload',
        'safeDialogs',
        'sandbox',
        'spellcheck',
        'webSecurity',
        'webviewTag',
      ].sort(),
    );
  });

  it('opens developer tools only when asked to', () => {
    expect(prefs.devTools).toBe(false);
    expect(popupWebPreferences({ preloadPath: 'p', devTools: true }).devTools).toBe(true);
  });

  it('builds a frameless popup that stays hidden until it is placed', () => {
    const options = popupWindowOptions(prefs);
    expect(options.frame).toBe(false);
    expect(options.show).toBe(false);
    expect(options.skipTaskbar).toBe(true);
    expect(options.webPreferences).toBe(prefs);
  });

  it('is the only place in the main process that constructs a BrowserWindow', () => {
    const makers = sourceFiles('electron').filter((file) => /new\s+BrowserWindow\s*\(/.test(readFileSync(file, 'utf8')));
    expect(makers).toEqual([join('electron', 'main', 'window', 'create-popup-window.ts')]);
  });
});
