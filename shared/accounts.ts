import { z } from 'zod';

export const OTP_ALGORITHMS = ['SHA1', 'SHA256', 'SHA512'] as const;
export const OTP_TYPES = ['totp', 'hotp', 'steam'] as const;

export const otpAlgorithm = z.enum(OTP_ALGORITHMS);
export const otpType = z.enum(OTP_TYPES);
export type OtpAlgorithm = z.infer<typeof otpAlgorithm>;
export type OtpType = z.infer<typeof otpType>;

/**
 * The one account model: what a link, a scan, an importer, a backup and the vault all describe, and
 * everything needed to name an account and compute its codes. The secret is canonical base32
 * (upper-case, unpadded); the counter (the next HOTP counter to use) belongs to HOTP accounts alone.
 */
export const otpAccount = z.object({
  issuer: z.string(),
  label: z.string(),
  type: otpType,
  algorithm: otpAlgorithm,
  digits: z.number().int().min(5).max(8),
  /** Seconds; used by totp and steam. */
  period: z.number().int().min(1).max(86_400),
  counter: z.number().int().min(0).optional(),
  secret: z.string().regex(/^[A-Z2-7]+$/),
});
export type OtpAccount = z.infer<typeof otpAccount>;

/** The public view of an account: everything but the secret, so it may be shown and may cross to the renderer. */
export const publicOtpAccount = otpAccount.omit({ secret: true });
export type PublicOtpAccount = z.infer<typeof publicOtpAccount>;

/** The public view of anything that carries an account; the counter only for HOTP (0 when never set). */
export function publicViewOf(source: PublicOtpAccount): PublicOtpAccount {
  const { issuer, label, type, algorithm, digits, period } = source;
  return { issuer, label, type, algorithm, digits, period, ...(type === 'hotp' ? { counter: source.counter ?? 0 } : {}) };
}

/** Just the account, from anything that carries one (a stored account, revealed details, a parsed link). */
export function otpAccountOf(source: OtpAccount): OtpAccount {
  return { ...publicViewOf(source), secret: source.secret };
}

/**
 * The backup form: the account and the recovery code kept with it where the provider gave one (Auth0
 * OTP enrolment), as Traykey backups and imports carry it. The code is a secret like `secret`.
 */
export type BackupAccount = OtpAccount & { recoveryCode?: string };

export function backupFormOf(account: OtpAccount, recoveryCode: string | undefined): BackupAccount {
  return { ...otpAccountOf(account), ...(recoveryCode === undefined ? {} : { recoveryCode }) };
}

/** What the renderer may know of an account: its public view, its id and its tags. */
export const accountSummary = publicOtpAccount.extend({
  id: z.string(),
  tags: z.array(z.string()),
});
export type AccountSummary = z.infer<typeof accountSummary>;

/** A new account typed in by hand (the secret is base32, spaces allowed). */
export const manualAccountInput = z.object({
  issuer: z.string().max(200),
  label: z.string().min(1).max(200),
  secret: z.string().min(1).max(1024),
  type: otpType.default('totp'),
  algorithm: otpAlgorithm.default('SHA1'),
  digits: z.number().int().min(5).max(8).default(6),
  period: z.number().int().min(1).max(86_400).default(30),
  counter: z.number().int().min(0).optional(),
});
export type ManualAccountInput = z.input<typeof manualAccountInput>;

/** A code for one period, and the next one, so the list flips at the boundary without a round trip. */
export const liveCode = z.object({
  id: z.string(),
  code: z.string(),
  next: z.string(),
  /** When the current period began, epoch milliseconds; the code flips at periodStart + period * 1000. */
  periodStart: z.number(),
  /** Seconds. */
  period: z.number(),
});
export type LiveCode = z.infer<typeof liveCode>;

export const accountDetails = accountSummary.extend({
  secret: z.string(),
  uri: z.string(),
});
export type AccountDetails = z.infer<typeof accountDetails>;
