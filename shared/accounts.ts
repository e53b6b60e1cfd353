import { z } from 'zod';

export const OTP_ALGORITHMS = ['SHA1', 'SHA256', 'SHA512'] as const;
export const OTP_TYPES = ['totp', 'hotp', 'steam'] as const;

export const otpAlgorithm = z.enum(OTP_ALGORITHMS);
export const otpType = z.enum(OTP_TYPES);
export type OtpAlgorithm = z.infer<typeof otpAlgorithm>;
export type OtpType = z.infer<typeof otpType>;

/** What the renderer may know of an account: everything but the secret. */
export const accountSummary = z.object({
  id: z.string(),
  issuer: z.string(),
  label: z.string(),
  type: otpType,
  algorithm: otpAlgorithm,
  digits: z.number().int(),
  period: z.number().int(),
  counter: z.number().int().optional(),
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
