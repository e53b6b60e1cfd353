import { z } from 'zod';
import { appError } from '../../../shared/errors';
import type { VaultDocument } from '../vault/vault';

/** The steps of one user's enrolment, in order; a record's `step` is the last one completed. */
export const ENROL_STEPS = ['pending', 'created', 'factor-enrolled', 'activated', 'verified', 'saved'] as const;
export type EnrolStep = (typeof ENROL_STEPS)[number];

/** What failed is named by the step that was being attempted. */
export const STEP_ATTEMPTED: Record<Exclude<EnrolStep, 'saved'>, string> = {
  pending: 'create',
  created: 'enrol',
  'factor-enrolled': 'activate',
  activated: 'verify',
  verified: 'save',
};

export const enrolRecord = z.object({
  login: z.string().min(1),
  email: z.string().min(1),
  firstName: z.string(),
  lastName: z.string(),
  groupIds: z.array(z.string()),
  /** Okta's TOTP provider; unused for Auth0. */
  factorProvider: z.enum(['GOOGLE', 'OKTA']),
  step: z.enum(ENROL_STEPS),
  userId: z.string().optional(),
  factorId: z.string().optional(),
  /** Canonical base32, saved before activation is attempted so a crash never loses it. */
  secret: z.string().optional(),
  digits: z.number().int().optional(),
  period: z.number().int().optional(),
  /** The TOTP time step the activation used: verification must use a later one (codes are single-use). */
  activationStep: z.number().int().optional(),
  /** The time step the verification used: the account's next code is the step after it. */
  verifyStep: z.number().int().optional(),
  password: z.string().optional(),
  /** The recovery code the provider returned with the factor (Auth0). */
  recoveryCode: z.string().optional(),
  /**
   * Who made the user: `created` when Traykey's create call made it, `existing` when it was found by
   * login. Unset until one of the two is known; clean-up deletes only `created` users.
   */
  ownership: z.enum(['created', 'existing']).optional(),
  /** The org's creation time of the user as it answered (ISO), so clean-up can tell it is still the same user. */
  userCreated: z.string().optional(),
  /**
   * Org time (epoch ms) a create call was sent whose answer was never seen (a crash or a lost answer):
   * a user found later by this login was made by that call only if the org created it around then.
   */
  createSentAt: z.number().optional(),
  /** An existing user left alone under `--existing skip`. */
  skipped: z.boolean().optional(),
  accountId: z.string().optional(),
  error: z.object({ step: z.string(), code: z.string(), message: z.string() }).optional(),
  updatedAt: z.number(),
});
export type EnrolRecord = z.infer<typeof enrolRecord>;

const runsSchema = z.record(z.string(), z.record(z.string(), enrolRecord));

/** `doc.adminRuns`: per connection id, per lower-cased login, the latest record of that user. */
export function runsIn(doc: VaultDocument): Record<string, Record<string, EnrolRecord>> {
  if (doc.adminRuns === undefined) return {};
  const parsed = runsSchema.safeParse(doc.adminRuns);
  if (!parsed.success) throw appError('VAULT_CORRUPT', 'The test-user run records in the vault are damaged; Traykey cannot tell which users it created.');
  return parsed.data;
}

export function recordKey(login: string): string {
  return login.toLowerCase();
}

export function isFinished(record: EnrolRecord): boolean {
  return record.step === 'saved';
}

export type RecordStatus = 'enrolled' | 'failed' | 'skipped' | 'pending';

/** How a record reads in results: a user nobody has worked on yet is pending, not failed. */
export function recordStatus(record: EnrolRecord): RecordStatus {
  if (isFinished(record)) return 'enrolled';
  if (record.error) return 'failed';
  if (record.skipped) return 'skipped';
  return 'pending';
}
