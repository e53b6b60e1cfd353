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
  password: z.string().optional(),
  /** The user existed before Traykey touched it (a factor enrolled for an existing user): clean-up leaves it. */
  existingUser: z.boolean().optional(),
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
