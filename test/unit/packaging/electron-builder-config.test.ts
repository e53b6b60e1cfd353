import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { feedUrlFromAppUpdateConfig } from '../../../electron/core/updates/app-update-config';

const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
interface BuilderConfig {
  appId: string;
  productName: string;
  electronFuses: Record<string, boolean>;
  files: unknown;
  asar: unknown;
  asarUnpack: unknown;
  extraResources: unknown;
  protocols: unknown;
  linux: { target: unknown; category: string };
  deb: { depends: string[] };
  mac: { target: string; hardenedRuntime: boolean; entitlements: string; extendInfo: Record<string, unknown> };
  win: { target: string };
}
const config = parse(readFileSync('electron-builder.yml', 'utf8')) as BuilderConfig;
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { main: string; version: string; dependencies: Record<string, string>; devDependencies: Record<string, string> };

describe('electron-builder.yml', () => {
  it('is valid against electron-builder 26’s own JSON schema', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('rejects a misspelt fuse, so the schema check above has teeth', () => {
    const validate = new Ajv({ strict: false }).compile(schema);
    expect(validate({ ...config, electronFuses: { ...config.electronFuses, runAsnode: false } })).toBe(false);
  });

  it('names the app', () => {
    expect(config.appId).toBe('com.traykey.app');
    expect(config.productName).toBe('Traykey');
  });

  it('flips every Electron fuse to its safe position', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('ships only the app’s build output (not the CLI bundle, which it cannot run), in an asar, with keytar’s native module unpacked', () => {
    expect(config.files).toEqual(['dist/electron/**', 'dist/renderer/**', '!dist/**/*.map', 'package.json']);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(['**/node_modules/keytar/**']);
  });

  it('packs as node_modules only what the bundles load at run time; everything bundled is a devDependency', async () => {
    const { NODE_EXTERNALS } = (await import(new URL('../../../build/scripts/cli-bundle.mjs', import.meta.url).href)) as { NODE_EXTERNALS: string[] };
    expect(Object.keys(pkg.dependencies).sort()).toEqual(NODE_EXTERNALS.filter((name) => name !== 'electron').sort());
    expect(Object.keys(pkg.devDependencies)).toContain('electron');
  });

  it('points package.json’s main at the bundle build.mjs writes', () => {
    expect(pkg.main).toBe('dist/electron/main.cjs');
    expect(readFileSync('build/scripts/build.mjs', 'utf8')).toContain(`outfile: '${pkg.main}'`);
  });

  it('ships the tray images as resources where the app looks for them', () => {
    expect(config.extraResources).toEqual([{ from: 'build/tray', to: 'tray', filter: ['*.png'] }]);
  });

  it('registers the traykey:// scheme', () => {
    expect(config.protocols).toEqual([{ name: 'Traykey link', schemes: ['traykey'] }]);
  });

  it('builds an AppImage and a deb that depends on libsecret, in the Utility category', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Utility');
    expect(config.deb.depends).toContain('libsecret-1-0');
  });

  it('builds a hardened-runtime dmg, notarized only when Apple credentials are in the environment', () => {
    expect(config.mac.target).toBe('dmg');
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.mac.entitlements).toBe('build/entitlements.mac.plist');
    expect(config.mac.extendInfo.LSUIElement).toBe(true);
    expect(config.mac).not.toHaveProperty('notarize');
  });

  it('builds an NSIS installer for Windows', () => {
    expect(config.win.target).toBe('nsis');
  });

  it('asks macOS only for the JIT entitlement V8 needs', () => {
    const plist = readFileSync('build/entitlements.mac.plist', 'utf8');
    expect([...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((match) => match[1])).toEqual(['com.apple.security.cs.allow-jit']);
  });
});

describe('the update feed electron-builder would publish', () => {
  const builder = parse(readFileSync('electron-builder.yml', 'utf8')) as { publish: { provider: string; url: string; channel: string }[]; generateUpdatesFilesForAllChannels: boolean };

  it('is one generic https feed, named at release time, with files for every channel', () => {
    expect(builder.publish).toEqual([{ provider: 'generic', url: '${env.TRAYKEY_UPDATE_URL}', channel: 'latest' }]);
    expect(builder.generateUpdatesFilesForAllChannels).toBe(true);
  });

  it('reaches the app as app-update.yml, whose feed must be https (or this computer)', () => {
    const written = (url: string) => `owner: null\nprovider: generic\nurl: ${url}\nchannel: latest\nupdaterCacheDirName: traykey-updater\n`;
    expect(feedUrlFromAppUpdateConfig(written('https://downloads.example.com/traykey'))).toBe('https://downloads.example.com/traykey');
    expect(feedUrlFromAppUpdateConfig(written("'http://127.0.0.1:8080/'"))).toBe('http://127.0.0.1:8080/');
    expect(() => feedUrlFromAppUpdateConfig(written('http://downloads.example.com/traykey'))).toThrow(expect.objectContaining({ code: 'INSECURE_TRANSPORT' }));
    expect(feedUrlFromAppUpdateConfig('provider: generic\n')).toBeUndefined();
  });
});
