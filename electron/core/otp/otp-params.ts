import type { OtpAlgorithm, OtpType } from '../../../shared/accounts';

/** Everything needed to compute codes for one account; the secret is canonical base32. */
export interface OtpParams {
  type: OtpType;
  algorithm: OtpAlgorithm;
  digits: number;
  /** Seconds; used by totp and steam. */
  period: number;
  /** The next HOTP counter to use; hotp only. */
  counter?: number;
  secret: string;
}

export const DEFAULT_PERIOD = 30;
export const MAX_PERIOD = 86_400;
