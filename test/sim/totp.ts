import { Secret, TOTP } from 'otpauth';

export interface TotpCheckOptions {
  secret: string;
  code: string;
  now: number;
  period?: number;
  digits?: number;
  /** Time steps already accepted for this secret; a code is good once. */
  usedSteps: Set<number>;
}

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: 'invalid' | 'replayed' };

/** Checks a code for real (SHA1, ±1 step) and records its step so it cannot be used twice. */
export function checkTotp(options: TotpCheckOptions): TotpCheck {
  const period = options.period ?? 30;
  const totp = new TOTP({ secret: Secret.fromBase32(options.secret), period, digits: options.digits ?? 6, algorithm: 'SHA1' });
  const code = options.code.replace(/\s+/g, '');
  if (!/^\d+$/.test(code)) return { ok: false, reason: 'invalid' };
  const delta = totp.validate({ token: code, timestamp: options.now, window: 1 });
  if (delta === null) return { ok: false, reason: 'invalid' };
  const step = Math.floor(options.now / 1000 / period) + delta;
  if (options.usedSteps.has(step)) return { ok: false, reason: 'replayed' };
  options.usedSteps.add(step);
  return { ok: true, step };
}

export function newTotpSecret(bytes = 10): string {
  return new Secret({ size: bytes }).base32;
}

export function totpCode(secret: string, now: number, period = 30): string {
  return new TOTP({ secret: Secret.fromBase32(secret), period, digits: 6, algorithm: 'SHA1' }).generate({ timestamp: now });
}

export function otpauthUri(options: { issuer: string; label: string; secret: string }): string {
  return new TOTP({ issuer: options.issuer, label: options.label, secret: Secret.fromBase32(options.secret), algorithm: 'SHA1', digits: 6, period: 30 }).toString();
}
