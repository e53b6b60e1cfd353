import { z } from 'zod';

/** Shapes of what Auth0 sends, from contracts/auth0 (OpenAPI, real recordings, error catalogue). */

export const Auth0ErrorBody = z.object({
  error: z.string().min(1),
  error_description: z.string().optional(),
  error_uri: z.string().optional(),
});

/** The Management API uses another error shape. */
export const Auth0ManagementErrorBody = z.object({
  statusCode: z.number(),
  error: z.string(),
  message: z.string(),
  errorCode: z.string().optional(),
});

export const MfaRequiredBody = z.object({
  error: z.literal('mfa_required'),
  error_description: z.string().optional(),
  mfa_token: z.string().min(1),
  mfa_requirements: z
    .object({
      challenge: z.array(z.object({ type: z.string() })).optional(),
      enroll: z.array(z.object({ type: z.string() })).optional(),
    })
    .optional(),
});
export type MfaRequirements = NonNullable<z.infer<typeof MfaRequiredBody>['mfa_requirements']>;

export const TokenResponse = z.object({
  access_token: z.string().min(1),
  token_type: z.string(),
  expires_in: z.number().optional(),
  scope: z.string().optional(),
  id_token: z.string().optional(),
  refresh_token: z.string().optional(),
  /** A fresh recovery code, only from the mfa-recovery-code grant. */
  recovery_code: z.string().optional(),
});
export type TokenResponse = z.infer<typeof TokenResponse>;

export const OtpAssociation = z.object({
  authenticator_type: z.literal('otp'),
  secret: z.string().min(1),
  barcode_uri: z.string().min(1),
  recovery_codes: z.array(z.string()).optional(),
});
export type OtpAssociation = z.infer<typeof OtpAssociation>;

export const OobAssociation = z.object({
  authenticator_type: z.literal('oob'),
  oob_code: z.string().min(1),
  oob_channel: z.string().optional(),
  binding_method: z.string().optional(),
  barcode_uri: z.string().optional(),
  recovery_codes: z.array(z.string()).optional(),
});
export type OobAssociation = z.infer<typeof OobAssociation>;

export const Authenticator = z.object({
  id: z.string().min(1),
  authenticator_type: z.string(),
  active: z.boolean(),
  oob_channel: z.string().optional(),
  name: z.string().optional(),
});
export type Authenticator = z.infer<typeof Authenticator>;

export const ChallengeResponse = z.object({
  challenge_type: z.enum(['otp', 'oob']),
  oob_code: z.string().optional(),
  binding_method: z.string().optional(),
});
export type ChallengeResponse = z.infer<typeof ChallengeResponse>;

export const ManagementUser = z.object({
  user_id: z.string().min(1),
  email: z.string().optional(),
  username: z.string().optional(),
  created_at: z.string().optional(),
});
export type ManagementUser = z.infer<typeof ManagementUser>;
