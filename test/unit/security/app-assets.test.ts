import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppAsset } from '../../../electron/core/windows/app-assets';
import { isAppEntryUrl, isAppOrigin } from '../../../electron/core/windows/app-origin';

const root = resolve('/opt/traykey/dist/renderer');

describe('serving the renderer on app://traykey', () => {
  it('maps the entry page and its assets to files inside the renderer folder', () => {
    expect(resolveAppAsset('app://traykey/index.html', root)).toEqual({ path: join(root, 'index.html'), mimeType: 'text/html; charset=utf-8' });
    expect(resolveAppAsset('app://traykey/', root)?.path).toBe(join(root, 'index.html'));
    expect(resolveAppAsset('app://traykey/assets/index-abc.js?v=1', root)).toEqual({ path: join(root, 'assets', 'index-abc.js'), mimeType: 'text/javascript; charset=utf-8' });
    expect(resolveAppAsset('app://traykey/assets/zxing_reader.wasm', root)?.mimeType).toBe('application/wasm');
  });

  it('resolves dot segments the way the URL parser does, which never climbs above the folder', () => {
    for (const url of ['app://traykey/../../../etc/passwd.html', 'app://traykey/%2e%2e/%2e%2e/etc/passwd.html']) {
      expect(resolveAppAsset(url, root)?.path).toBe(join(root, 'etc', 'passwd.html'));
    }
  });

  it.each([
    'app://traykey/assets/..%2f..%2f..%2fsecret.json',
    'app://traykey/..%5c..%5csecret.json',
    'app://traykey/%00index.html',
    'app://traykey/%E0%A4%A',
    'app://other/index.html',
    'https://traykey/index.html',
    'file:///opt/traykey/dist/renderer/index.html',
    'app://traykey/vault.tkv',
    'app://traykey/assets/script.sh',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppAsset(url, root)).toBeNull();
  });

  it('recognises only our origin and our entry page', () => {
    expect(isAppOrigin('app://traykey')).toBe(true);
    expect(isAppOrigin('APP://TRAYKEY/index.html')).toBe(true);
    expect(isAppOrigin('app://traykey:8080')).toBe(false);
    expect(isAppOrigin(`app://traykey/${'a'.repeat(3000)}`)).toBe(false);
    expect(isAppEntryUrl('app://traykey/index.html?x=1')).toBe(true);
    expect(isAppEntryUrl('app://traykey/assets/a.js')).toBe(false);
  });
});
