import { readFileSync } from 'node:fs';

/** RFC tables, Key Uri cases and migration vectors in test/contracts/otp, each file naming its source. */
export function otpContract<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../../contracts/otp/${name}`, import.meta.url), 'utf8')) as T;
}
