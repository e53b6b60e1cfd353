import { readFile } from 'node:fs/promises';
import type { PolicyRead, PolicySource } from './policy-source';

// The appId of electron-builder.yml: MDM configuration profiles name the preference domain by it.
export const MAC_APP_ID = 'com.traykey.app';
export const macManagedPreferencesPath = (appId: string = MAC_APP_ID) => `/Library/Managed Preferences/${appId}.plist`;

/** A managed-preferences plist is written by an MDM profile; anything larger is not one. */
const MAX_PLIST_BYTES = 256 * 1024;

/**
 * macOS: the property list an MDM configuration profile writes to Managed Preferences (binary as MDM
 * writes it, or XML); the dictionary's keys are the policy's keys.
 */
export function macManagedPreferences(path: string = macManagedPreferencesPath()): PolicySource {
  return {
    file: path,
    async read(): Promise<PolicyRead> {
      let bytes: Buffer;
      try {
        bytes = await readFile(path);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') return { found: false, origin: path };
        return { found: true, origin: path, problem: `The managed preferences ${path} could not be read (${code ?? 'unknown error'}).` };
      }
      if (bytes.length > MAX_PLIST_BYTES) return { found: true, origin: path, problem: `The managed preferences ${path} are larger than 256 KiB and were not read.` };
      // The plist parser is most of the policy code's size, and only a Mac with a profile needs it.
      const { parse, parseBinary } = await import('plist');
      try {
        const binary = bytes.subarray(0, 8).toString('latin1') === 'bplist00';
        return { found: true, origin: path, value: (binary ? parseBinary(bytes) : parse(bytes.toString('utf8'))) as unknown };
      } catch {
        return { found: true, origin: path, problem: `The managed preferences ${path} are not a readable property list, so none of it applies.` };
      }
    },
  };
}
