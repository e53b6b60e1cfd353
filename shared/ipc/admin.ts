import { z } from 'zod';
import { call } from './define';

export const adminProvider = z.enum(['okta', 'auth0']);

export const connectionSummary = z.object({
  id: z.string(),
  provider: adminProvider,
  name: z.string(),
  url: z.string(),
  createdAt: z.number(),
});
export type ConnectionSummaryView = z.infer<typeof connectionSummary>;

export const connectionCheck = z.object({ ok: z.boolean(), usable: z.boolean(), message: z.string(), skewMs: z.number().optional() });
export type ConnectionCheckView = z.infer<typeof connectionCheck>;

const secret = z.string().min(1).max(4096);

/** Credentials go from the form to main once, to be tested and saved in the vault; they never come back. */
export const newConnection = z.discriminatedUnion('provider', [
  z.object({ provider: z.literal('okta'), url: z.string().min(1).max(2048), name: z.string().max(200).optional(), apiToken: secret }).strict(),
  z
    .object({
      provider: z.literal('auth0'),
      url: z.string().min(1).max(2048),
      name: z.string().max(200).optional(),
      managementClientId: secret,
      managementClientSecret: secret,
      appClientId: z.string().max(4096).optional(),
      appClientSecret: z.string().max(4096).optional(),
      realm: z.string().max(200).optional(),
    })
    .strict(),
]);
export type NewConnectionInput = z.infer<typeof newConnection>;

/** One user's outcome as the Admin area shows it: never a secret or password. */
export const enrolResult = z.object({
  login: z.string(),
  userId: z.string().optional(),
  factorId: z.string().optional(),
  /** Whether Traykey created the user or found it existing (unset until known). */
  ownership: z.enum(['created', 'existing']).optional(),
  status: z.enum(['enrolled', 'already-enrolled', 'failed', 'skipped', 'pending']),
  step: z.string(),
  error: z.string().optional(),
  /** The vault account holding the user's factor, once saved: the Admin window shows its live code. */
  accountId: z.string().optional(),
});
export type EnrolResultView = z.infer<typeof enrolResult>;

export const runStatus = z.object({
  runId: z.string(),
  connectionId: z.string(),
  state: z.enum(['running', 'done', 'stopped']),
  total: z.number().int(),
  done: z.number().int(),
  failed: z.number().int(),
  results: z.array(enrolResult),
  error: z.string().optional(),
});
export type RunStatusView = z.infer<typeof runStatus>;

export const enrolRequest = z
  .object({
    connectionId: z.string().min(1),
    count: z.number().int().min(1).max(1000).optional(),
    prefix: z.string().max(64).optional(),
    emailDomain: z.string().max(253).optional(),
    /** CSV text: login[,first,last] per line. */
    csv: z.string().max(1_000_000).optional(),
    groupIds: z.array(z.string().min(1).max(100)).max(20).default([]),
    factorProvider: z.enum(['GOOGLE', 'OKTA']).default('GOOGLE'),
    concurrency: z.number().int().min(1).max(64).default(8),
  })
  .strict();

const cleanupAction = z.enum(['delete-user', 'remove-factor']);
const cleanupItem = z.object({ login: z.string(), action: cleanupAction });

const byConnection = z.object({ connectionId: z.string().min(1) }).strict();

export const adminCalls = {
  'admin:connections': call({ summary: 'Saved admin connections (never their secrets).', request: z.object({}).strict(), response: z.array(connectionSummary) }),
  'admin:connect': call({
    summary: 'Test and save an Okta or Auth0 connection in the vault.',
    request: newConnection,
    response: z.object({ connection: connectionSummary.optional(), check: connectionCheck }),
  }),
  'admin:disconnect': call({ summary: 'Forget a saved connection.', request: byConnection, response: z.object({}) }),
  'admin:test': call({ summary: 'Check a saved connection: address, credentials, permissions, clock.', request: byConnection, response: connectionCheck }),
  'admin:enrol': call({ summary: 'Start enrolling test users; progress comes from admin:run.', request: enrolRequest, response: runStatus }),
  'admin:retry': call({ summary: 'Continue every unfinished user of a connection from the step that failed.', request: byConnection, response: runStatus }),
  'admin:run': call({ summary: 'Progress and results of a run.', request: z.object({ runId: z.string().min(1) }).strict(), response: runStatus }),
  'admin:cancel': call({
    summary: 'Stop a run: users in flight stop at their next step, every user stays recorded, and Retry failed continues them.',
    request: z.object({ runId: z.string().min(1) }).strict(),
    response: runStatus,
  }),
  'admin:results': call({ summary: 'Every recorded test user of a connection.', request: byConnection, response: z.array(enrolResult) }),
  'admin:cleanupPreview': call({
    summary: 'What a clean-up would do: users Traykey created to delete, and the recorded users it leaves alone with the reason.',
    request: byConnection,
    response: z.object({ items: z.array(cleanupItem), leftAlone: z.array(z.object({ login: z.string(), reason: z.string(), forgettable: z.boolean() })) }),
  }),
  'admin:forgetRecords': call({
    summary: 'Forget run records whose owner Traykey never noted (the preview marks them forgettable); nothing is sent to the org and saved accounts stay.',
    request: z.object({ connectionId: z.string().min(1), logins: z.array(z.string().min(1).max(320)).min(1).max(1000) }).strict(),
    response: z.object({ forgotten: z.number().int().min(0) }),
  }),
  'admin:cleanup': call({
    summary: 'Clean up exactly the listed users (the list the user confirmed, with its count); each is checked to be still as Traykey left it.',
    request: z.object({ connectionId: z.string().min(1), logins: z.array(z.string()).min(1).max(1000), count: z.number().int().min(1).max(1000) }).strict(),
    response: z.array(z.object({ login: z.string(), action: cleanupAction, status: z.enum(['deleted', 'factor-removed', 'already-gone', 'kept', 'failed']), error: z.string().optional() })),
  }),
};
