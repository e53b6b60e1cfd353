import * as OTPAuth from 'otpauth';
import type { OtpParams } from './otp-params';
import { steamCode } from './steam';

export function hotpCode(params: Pick<OtpParams, 'secret' | 'algorithm' | 'digits'>, counter: number): string {
  return OTPAuth.HOTP.generate({ secret: OTPAuth.Secret.fromBase32(params.secret), algorithm: params.algorithm, digits: params.digits, counter });
}

/** The time step containing `atMs` (RFC 6238 T with T0 = 0). */
export function timeStep(atMs: number, period: number): number {
  return Math.floor(atMs / 1000 / period);
}

/** The code of a time-based account (totp or steam) for one time step. */
export function codeForStep(params: OtpParams, step: number): string {
  return params.type === 'steam' ? steamCode(params.secret, step) : hotpCode(params, step);
}

export function totpCode(params: OtpParams, atMs: number): string {
  return codeForStep(params, timeStep(atMs, params.period));
}

export interface PeriodCodes {
  code: string;
  /** The code of the following period, so a display can flip at the boundary without asking again. */
  next: string;
  /** When the current period began, epoch ms. */
  periodStart: number;
  /** Seconds. */
  period: number;
}

export function periodCodes(params: OtpParams, atMs: number): PeriodCodes {
  const step = timeStep(atMs, params.period);
  return { code: codeForStep(params, step), next: codeForStep(params, step + 1), periodStart: step * params.period * 1000, period: params.period };
}

/** Whole seconds the code shown at `atMs` stays valid (at least 1, since a boundary instant starts a period). */
export function secondsLeft(atMs: number, period: number): number {
  const end = (timeStep(atMs, period) + 1) * period * 1000;
  return Math.ceil((end - atMs) / 1000);
}
