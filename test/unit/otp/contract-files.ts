import { readFileSync } from 'node:fs';

/** Copies of /work/shared/contracts/otp (RFC tables, Key Uri cases, migration vectors), kept with the tests. */
export function otpContract<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./contracts/${name}`, import.meta.url), 'utf8')) as T;
}
