import { readFile } from 'node:fs/promises';
import type { PolicyRead, PolicySource } from './policy-source';

export const LINUX_POLICY_PATH = '/etc/traykey/policy.json';

/** A policy file is written by IT, not by people; anything larger than this is not one. */
const MAX_POLICY_BYTES = 64 * 1024;

/** Linux (and any OS without a managed-preferences store): one JSON file, root-owned. */
export function jsonPolicyFile(path: string = LINUX_POLICY_PATH): PolicySource {
  return {
    file: path,
    async read(): Promise<PolicyRead> {
      let text: string;
      try {
        const bytes = await readFile(path);
        if (bytes.length > MAX_POLICY_BYTES) return { found: true, origin: path, problem: `The policy ${path} is larger than 64 KiB and was not read.` };
        text = bytes.toString('utf8');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'ENOTDIR') return { found: false, origin: path };
        return { found: true, origin: path, problem: `The policy ${path} could not be read (${code ?? 'unknown error'}).` };
      }
      try {
        return { found: true, origin: path, value: JSON.parse(text) as unknown };
      } catch {
        return { found: true, origin: path, problem: `The policy ${path} is not valid JSON, so none of it applies.` };
      }
    },
  };
}
