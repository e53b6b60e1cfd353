import { execFile } from 'node:child_process';
import type { PolicyRead, PolicySource } from './policy-source';

export const WINDOWS_POLICY_KEYS = ['HKLM\\Software\\Policies\\Traykey', 'HKCU\\Software\\Policies\\Traykey'] as const;

/** Runs `reg query KEY /s`; resolves to its stdout, or to null when the key does not exist. Injected in tests. */
export type RegQuery = (key: string) => Promise<string | null>;

const regQuery: RegQuery = (key) =>
  new Promise((resolve, reject) => {
    execFile('reg', ['query', key, '/s'], { windowsHide: true, maxBuffer: 1024 * 1024 }, (error, stdout) => {
      // reg exits 1 both for a missing key and a real failure; a missing key prints nothing on stdout.
      if (error && !stdout) return (error as { code?: unknown }).code === 1 ? resolve(null) : reject(error);
      resolve(stdout);
    });
  });

/** Keys whose DWORD means yes/no (0 or 1), as ADMX boolean policies write them. */
const BOOLEAN_VALUES = new Set(['allowOtherPushOrgs', 'check']);

function parseValue(name: string, type: string, data: string): unknown {
  switch (type) {
    case 'REG_DWORD':
    case 'REG_QWORD': {
      const number = Number.parseInt(data, 16);
      return BOOLEAN_VALUES.has(name) ? (number === 0 ? false : number === 1 ? true : number) : number;
    }
    case 'REG_MULTI_SZ':
      return data === '' ? [] : data.split('\\0');
    case 'REG_SZ':
    case 'REG_EXPAND_SZ': {
      // Lists and objects (pushOrgs, updates) are written as JSON text in one string value.
      const trimmed = data.trim();
      if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
        try {
          return JSON.parse(trimmed) as unknown;
        } catch {
          return data;
        }
      }
      return data;
    }
    default:
      return data;
  }
}

/**
 * Parses `reg query KEY /s` output into one object: values of the key itself become top-level keys,
 * values of a subkey (e.g. `…\Traykey\updates`) become an object under the subkey's name.
 */
export function parseRegQuery(root: string, output: string): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const rootTail = root.split('\\').slice(1).join('\\').toLowerCase();
  let section: Record<string, unknown> = result;
  for (const raw of output.split(/\r?\n/)) {
    if (!raw.trim()) continue;
    if (!/^\s/.test(raw)) {
      const keyPath = raw.trim().split('\\').slice(1).join('\\');
      const relative = keyPath.toLowerCase().startsWith(rootTail) ? keyPath.slice(rootTail.length).replace(/^\\/, '') : '';
      if (relative === '') {
        section = result;
      } else {
        const child: Record<string, unknown> = {};
        result[relative.split('\\')[0] ?? relative] = child;
        section = child;
      }
      continue;
    }
    const match = /^\s+(\S.*?)\s{4}(REG_[A-Z_]+)\s{4}(.*)$/.exec(raw) ?? /^\s+(\S.*?)\s{4}(REG_[A-Z_]+)$/.exec(raw);
    if (!match) continue;
    const [, name = '', type = '', data = ''] = match;
    if (name === '(Default)') continue;
    section[name] = parseValue(name, type, data);
  }
  return result;
}

/**
 * Windows: Group Policy / Intune write to HKLM\Software\Policies\Traykey (and per user to HKCU). Both are
 * read; where both set a key, the machine's value wins.
 */
export function windowsRegistryPolicy(query: RegQuery = regQuery): PolicySource {
  return {
    async read(): Promise<PolicyRead> {
      const origin = WINDOWS_POLICY_KEYS.join(' + ');
      const [machineKey, userKey] = WINDOWS_POLICY_KEYS;
      let machine: string | null;
      let user: string | null;
      try {
        [machine, user] = await Promise.all([query(machineKey), query(userKey)]);
      } catch {
        return { found: true, origin, problem: `The policy in ${origin} could not be read from the registry.` };
      }
      if (machine === null && user === null) return { found: false, origin };
      const fromUser = user === null ? {} : parseRegQuery(userKey, user);
      const fromMachine = machine === null ? {} : parseRegQuery(machineKey, machine);
      return { found: true, origin, value: { ...fromUser, ...fromMachine } };
    },
  };
}
