/**
 * The project's own lint configuration, run on small sources placed (by name only) in each folder:
 * what a file may import follows from where it lives.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function boundaryProblems(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'traykey/import-boundaries').map((message) => message.message);
}

describe('import boundaries by folder', () => {
  it('keep Electron and the glue out of the core', async () => {
    const problems = await boundaryProblems('electron/core/accounts/example.ts', [
      "import { app } from 'electron';",
      "import { createPopupWindow } from '../../main/window/create-windows';",
      "import { buildBridge } from '../../preload/build-bridge';",
      "import { commands } from '../../cli/commands';",
      "import { readFileSync } from 'node:fs';",
      "import { appError } from '../../../shared/errors';",
      "import { dataHome } from '../paths';",
      'export { app, createPopupWindow, buildBridge, commands, readFileSync, appError, dataHome };',
    ].join('\n'));
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/electron\/core\/ may not import Electron/);
    expect(problems[1]).toMatch(/not electron\/main\//);
    expect(problems[2]).toMatch(/not electron\/preload\//);
    expect(problems[3]).toMatch(/not electron\/cli\//);
  });

  it('let the CLI use the core but not Electron or the main-process glue', async () => {
    const problems = await boundaryProblems('electron/cli/commands/example.ts', [
      "import { dataHome } from '../../core/paths';",
      "import { createTray } from '../../main/tray/create-tray';",
      "const electron = await import('electron');",
      'export { dataHome, createTray, electron };',
    ].join('\n'));
    expect(problems).toEqual([
      expect.stringMatching(/not electron\/main\//),
      expect.stringMatching(/may not import Electron/),
    ]);
  });

  it('let the main-process glue use Electron, the core and shared/', async () => {
    expect(await boundaryProblems('electron/main/window/example.ts', [
      "import { BrowserWindow } from 'electron';",
      "import { join } from 'node:path';",
      "import { dataHome } from '../../core/paths';",
      "import { EVENTS } from '../../../shared/ipc';",
      'export { BrowserWindow, join, dataHome, EVENTS };',
    ].join('\n'))).toEqual([]);
  });

  it('keep the glue folder to glue: a module there that uses no Electron belongs in the core', async () => {
    const problems = await boundaryProblems('electron/main/window/example.ts', [
      "import { join } from 'node:path';",
      "import { isAppOrigin } from '../../core/windows/app-origin';",
      'export const pageUrl = (page: string) => (isAppOrigin(page) ? join(page) : page);',
    ].join('\n'));
    expect(problems).toEqual([expect.stringMatching(/holds only the Electron glue, and this file uses no Electron: move it to electron\/core\//)]);
    expect(await boundaryProblems('electron/main/window/example.ts', ["import type { BrowserWindow } from 'electron';", 'export type Popup = BrowserWindow;'].join('\n'))).toEqual([]);
  });

  it('give the preload Electron and the contract only', async () => {
    const problems = await boundaryProblems('electron/preload/example.ts', [
      "import { contextBridge } from 'electron';",
      "import { channels } from '../../shared/ipc';",
      "import { dataHome } from '../core/paths';",
      "import { readFileSync } from 'fs';",
      'export { contextBridge, channels, dataHome, readFileSync };',
    ].join('\n'));
    expect(problems).toEqual([
      expect.stringMatching(/not electron\/core\//),
      expect.stringMatching(/may not import Node APIs/),
    ]);
  });

  it('keep shared/ free of Node, Electron, React and the core', async () => {
    const problems = await boundaryProblems('shared/example.ts', [
      "import { z } from 'zod';",
      "import { createHash } from 'node:crypto';",
      "import { ipcMain } from 'electron';",
      "import { useState } from 'react';",
      "import { dataHome } from '../electron/core/paths';",
      'export { z, createHash, ipcMain, useState, dataHome };',
    ].join('\n'));
    expect(problems).toEqual([
      expect.stringMatching(/may not import Node APIs/),
      expect.stringMatching(/may not import Electron/),
      expect.stringMatching(/may not import react/),
      expect.stringMatching(/not electron\/core\//),
    ]);
  });

  it('keep the renderer to itself and shared/', async () => {
    const problems = await boundaryProblems('renderer/accounts/Example.tsx', [
      "import { useState } from 'react';",
      "import { channels } from '../../shared/ipc';",
      "import { api } from '../api';",
      "import { join } from 'node:path';",
      "import { ipcRenderer } from 'electron';",
      "import { dataHome } from '../../electron/core/paths';",
      'export { useState, channels, api, join, ipcRenderer, dataHome };',
    ].join('\n'));
    expect(problems).toEqual([
      expect.stringMatching(/may not import Node APIs/),
      expect.stringMatching(/may not import Electron/),
      expect.stringMatching(/not electron\/core\//),
    ]);
  });

  it('leave tests and build scripts free to reach every folder', async () => {
    expect(await boundaryProblems('test/unit/example.test.ts', [
      "import { app } from 'electron';",
      "import { createTray } from '../../electron/main/tray/create-tray';",
      'export { app, createTray };',
    ].join('\n'))).toEqual([]);
  });
});
