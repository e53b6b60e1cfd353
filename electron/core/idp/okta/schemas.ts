import { z } from 'zod';

/** Shapes of what Okta sends, from contracts/okta (authn schema, management OpenAPI subset). */

export const HalLink = z.object({
  href: z.string().min(1),
  name: z.string().optional(),
  type: z.string().optional(),
  hints: z.object({ allow: z.array(z.string()).optional() }).optional(),
});
export type HalLink = z.infer<typeof HalLink>;

export const Links = z.record(z.string(), z.union([HalLink, z.array(HalLink)]));
export type Links = z.infer<typeof Links>;

export const OktaErrorBody = z.object({
  errorCode: z.string().regex(/^E\d{7}$/),
  errorSummary: z.string(),
  errorLink: z.string().optional(),
  errorId: z.string().optional(),
  errorCauses: z.array(z.object({ errorSummary: z.string().optional() })).optional(),
});

export const TransactionState = z.enum([
  'LOCKED_OUT',
  'MFA_CHALLENGE',
  'MFA_ENROLL',
  'MFA_ENROLL_ACTIVATE',
  'MFA_REQUIRED',
  'PASSWORD_EXPIRED',
  'PASSWORD_RESET',
  'PASSWORD_WARN',
  'RECOVERY',
  'RECOVERY_CHALLENGE',
  'SUCCESS',
  'UNAUTHENTICATED',
]);
export type TransactionState = z.infer<typeof TransactionState>;

/** The authn table lists fewer results than its own examples and the Factors API return. */
export const FactorResult = z.enum([
  'CANCELLED',
  'CHALLENGE',
  'ERROR',
  'EXPIRED',
  'FAILED',
  'PASSCODE_REPLAYED',
  'REJECTED',
  'SUCCESS',
  'TIMEOUT',
  'TIME_WINDOW_EXCEEDED',
  'WAITING',
]);
export type FactorResult = z.infer<typeof FactorResult>;

/** TOTP activation: timeStep is documented as a string but sent as a number; accept both. */
export const TotpActivation = z.object({
  timeStep: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]),
  sharedSecret: z.string().min(1),
  encoding: z.enum(['base32', 'base64']),
  keyLength: z.number().int(),
  factorResult: FactorResult.optional(),
  _links: z.object({ qrcode: HalLink.optional() }).optional(),
});
export type TotpActivation = z.infer<typeof TotpActivation>;

export const Factor = z.object({
  id: z.string().optional(),
  factorType: z.string(),
  provider: z.string(),
  vendorName: z.string().optional(),
  status: z.string().optional(),
  profile: z.record(z.string(), z.unknown()).nullable().optional(),
  _embedded: z
    .object({
      activation: z.record(z.string(), z.unknown()).optional(),
      // The OKTA-provider TOTP example puts the QR link here rather than under activation.
      _links: z.object({ qrcode: HalLink.optional() }).optional(),
    })
    .optional(),
  _links: Links.optional(),
});
export type Factor = z.infer<typeof Factor>;

export const AuthnUser = z.object({
  id: z.string(),
  profile: z.record(z.string(), z.unknown()).optional(),
});

export const AuthnTransaction = z.object({
  status: TransactionState,
  stateToken: z.string().optional(),
  sessionToken: z.string().optional(),
  expiresAt: z.string().optional(),
  factorResult: FactorResult.optional(),
  factorType: z.string().optional(),
  _embedded: z
    .object({
      user: AuthnUser.optional(),
      // Some doc examples put a factor list under `factor`, the SDK fixtures under `factors`.
      factor: z.union([Factor, z.array(Factor)]).optional(),
      factors: z.array(Factor).optional(),
    })
    .optional(),
  _links: Links.optional(),
});
export type AuthnTransaction = z.infer<typeof AuthnTransaction>;

export const OktaSession = z.object({
  id: z.string(),
  userId: z.string().optional(),
  login: z.string().optional(),
  status: z.string(),
  expiresAt: z.string().optional(),
  mfaActive: z.boolean().optional(),
  amr: z.array(z.string()).optional(),
  _links: Links.optional(),
});
export type OktaSession = z.infer<typeof OktaSession>;

export const OktaUser = z.object({
  id: z.string(),
  status: z.string(),
  created: z.string().nullable().optional(),
  activated: z.string().nullable().optional(),
  profile: z.object({ login: z.string() }).catchall(z.unknown()),
  _links: Links.optional(),
});
export type OktaUser = z.infer<typeof OktaUser>;

export const UserFactor = Factor.extend({ id: z.string() });
export type UserFactor = z.infer<typeof UserFactor>;

export const FactorVerifyResult = z.object({
  factorResult: FactorResult,
  expiresAt: z.string().optional(),
  _links: Links.optional(),
});
export type FactorVerifyResult = z.infer<typeof FactorVerifyResult>;
