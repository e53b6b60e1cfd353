import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildBinary, parse } from 'plist';
import { beforeEach, describe, expect, it } from 'vitest';
import { jsonPolicyFile } from '../../../electron/core/policy/linux-policy-file';
import { macManagedPreferences } from '../../../electron/core/policy/macos-managed-preferences';
import { parseRegQuery, windowsRegistryPolicy, type RegQuery } from '../../../electron/core/policy/windows-registry-policy';
import { tempHome } from '../../support/temp-home';

const fixture = (name: string) => join(import.meta.dirname, '../../fixtures/policy', name);

describe('the Linux policy file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await tempHome('policy');
  });

  it('reads the JSON object from the file', async () => {
    const path = join(dir, 'policy.json');
    await writeFile(path, await readFile(fixture('strict.json')));
    const read = await jsonPolicyFile(path).read();
    expect(read).toMatchObject({ found: true, origin: path, value: { minLockTimeoutMinutes: 2, allowOtherPushOrgs: false } });
  });

  it('finds no policy when the file or its folder is missing', async () => {
    expect(await jsonPolicyFile(join(dir, 'policy.json')).read()).toEqual({ found: false, origin: join(dir, 'policy.json') });
    expect((await jsonPolicyFile(join(dir, 'none', 'policy.json')).read()).found).toBe(false);
  });

  it('reports a file that is not JSON, or far too large, instead of guessing', async () => {
    const path = join(dir, 'policy.json');
    await writeFile(path, '{ "disabledFeatures": [admin] }');
    expect(await jsonPolicyFile(path).read()).toMatchObject({ found: true, problem: expect.stringMatching(/not valid JSON, so none of it applies/) });
    await writeFile(path, `{"x":"${'a'.repeat(70_000)}"}`);
    expect(await jsonPolicyFile(path).read()).toMatchObject({ found: true, problem: expect.stringMatching(/larger than 64 KiB/) });
  });
});

describe('macOS managed preferences', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await tempHome('policy');
  });

  const expected = {
    allowOtherPushOrgs: false,
    disabledFeatures: ['admin', 'transfer'],
    maxClipboardClearSeconds: 20,
    minLockTimeoutMinutes: 10,
    pushOrgs: [{ url: 'https://acme.okta.com', clientId: '0oa1traykeydesktop' }],
    updates: { channel: 'latest', check: true },
  };

  it('reads the XML property list a profile installs', async () => {
    const read = await macManagedPreferences(fixture('com.traykey.app.plist')).read();
    expect(read).toMatchObject({ found: true, value: expected });
  });

  it('reads the same list in the binary form MDM writes', async () => {
    const path = join(dir, 'com.traykey.app.plist');
    const xml = await readFile(fixture('com.traykey.app.plist'), 'utf8');
    await writeFile(path, buildBinary(parse(xml)));
    expect(await macManagedPreferences(path).read()).toMatchObject({ found: true, value: expected });
  });

  it('reports a damaged list and finds none where no profile is installed', async () => {
    const path = join(dir, 'com.traykey.app.plist');
    await writeFile(path, 'bplist00 damaged');
    expect(await macManagedPreferences(path).read()).toMatchObject({ found: true, problem: expect.stringMatching(/not a readable property list/) });
    expect((await macManagedPreferences(join(dir, 'other.plist')).read()).found).toBe(false);
  });
});

describe('the Windows registry policy', () => {
  const recorded = async (): Promise<Record<string, string | null>> => ({
    'HKLM\\Software\\Policies\\Traykey': await readFile(fixture('reg-query-hklm.txt'), 'utf8'),
    'HKCU\\Software\\Policies\\Traykey': await readFile(fixture('reg-query-hkcu.txt'), 'utf8'),
  });
  const query = (outputs: Record<string, string | null>): RegQuery => async (key) => outputs[key] ?? null;

  it('turns reg query output into the policy object: DWORDs, yes/no, multi-strings, JSON text and subkeys', async () => {
    const outputs = await recorded();
    expect(parseRegQuery('HKLM\\Software\\Policies\\Traykey', outputs['HKLM\\Software\\Policies\\Traykey'] ?? '')).toEqual({
      allowOtherPushOrgs: false,
      disabledFeatures: ['admin', 'transfer'],
      maxClipboardClearSeconds: 20,
      pushOrgs: [{ url: 'https://acme.okta.com', clientId: '0oa1traykeydesktop' }],
      updates: { channel: 'latest', check: true },
    });
  });

  it('merges the machine and user keys, the machine winning where both set a value', async () => {
    const read = await windowsRegistryPolicy(query(await recorded())).read();
    expect(read).toMatchObject({ found: true, value: { maxClipboardClearSeconds: 20, minLockTimeoutMinutes: 15, allowOtherPushOrgs: false } });
  });

  it('finds no policy when neither key exists, and reports a registry that cannot be read', async () => {
    expect((await windowsRegistryPolicy(query({})).read()).found).toBe(false);
    const failing: RegQuery = async () => {
      throw new Error('access denied');
    };
    expect(await windowsRegistryPolicy(failing).read()).toMatchObject({ found: true, problem: expect.stringMatching(/could not be read from the registry/) });
  });
});
