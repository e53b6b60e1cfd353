import { importJWK, type JWK } from 'jose';
import { z } from 'zod';

const keyProtection = z.enum(['HARDWARE', 'SOFTWARE']);

/** A public key as the MyAccount API takes it: EC P-256 or RSA, with a kid and `okta:kpr`. */
export const publicJwk = z.union([
  z.looseObject({ kty: z.literal('EC'), crv: z.literal('P-256'), x: z.string().min(1), y: z.string().min(1), kid: z.string().min(1), 'okta:kpr': keyProtection }),
  z.looseObject({ kty: z.literal('RSA'), n: z.string().min(1), e: z.string().min(1), kid: z.string().min(1), 'okta:kpr': keyProtection }),
]);

const transactionTypes = z.array(z.enum(['LOGIN', 'CIBA'])).min(1);

/** createAppAuthenticatorEnrollment's body (published schema; pushToken may be empty for pull-only clients). */
export const enrollmentRequest = z.object({
  authenticatorId: z.string().min(1),
  device: z.looseObject({
    clientInstanceKey: publicJwk,
    clientInstanceBundleId: z.string().min(1),
    clientInstanceVersion: z.string().min(1),
    clientInstanceDeviceSdkVersion: z.string().min(1),
    osVersion: z.string().min(1),
    platform: z.string().min(1),
    displayName: z.string().min(1),
    manufacturer: z.string().optional(),
    model: z.string().optional(),
    secureHardwarePresent: z.boolean().optional(),
    udid: z.string().optional(),
  }),
  methods: z.object({
    push: z.looseObject({
      pushToken: z.string(),
      apsEnvironment: z.string().optional(),
      keys: z.object({ proofOfPossession: publicJwk, userVerification: publicJwk.optional() }),
      capabilities: z.object({ transactionTypes }).optional(),
    }),
  }),
});
export type EnrollmentRequest = z.infer<typeof enrollmentRequest>;

/** updateAppAuthenticatorEnrollment's merge patch: push token, user-verification key, capabilities. */
export const enrollmentPatch = z.object({
  methods: z.object({
    push: z.object({
      pushToken: z.string().optional(),
      keys: z.object({ userVerification: publicJwk.nullable().optional() }).optional(),
      capabilities: z.object({ transactionTypes }).optional(),
    }),
  }),
});

/** True when jose can really use the key (a point on the curve, a sane modulus). */
export async function usableKey(jwk: JWK): Promise<boolean> {
  try {
    await importJWK(jwk, jwk.kty === 'EC' ? 'ES256' : 'RS256');
    return true;
  } catch {
    return false;
  }
}

/** The first problem of a failed parse, as "field: reason". */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'body: invalid';
}
