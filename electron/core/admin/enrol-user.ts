import { AppError, appError, isAppError } from '../../../shared/errors';
import { codeForStep, timeStep } from '../otp/codes';
import type { Sleep } from '../idp/http/rate-gate';
import type { AdminProvider } from './admin-provider';
import type { EnrolJournal } from './enrol-journal';
import { createdField, isDefiniteRefusal, madeByLostCreate, type OrgUser } from './ownership';
import { STEP_ATTEMPTED, type EnrolRecord, type EnrolStep } from './enrol-record';

/** What to do with a user the org already has and Traykey did not create. */
export type ExistingPolicy = 'skip' | 'enrol' | 'fail';

export interface StepContext {
  provider: AdminProvider;
  existing: ExistingPolicy;
  /** False for tools that work on existing users only: a missing user is an error, never created. */
  createMissing: boolean;
  /** A password for a user Traykey creates (default: none). */
  newPassword?: () => string | undefined;
  journal: EnrolJournal;
  sleep: Sleep;
  signal?: AbortSignal;
  /** Told after each recorded step (the progress bar's finer ticks). */
  onStep?: (record: EnrolRecord) => void;
}

type WithFactor = EnrolRecord & { userId: string; factorId: string; secret: string };

function hasFactor(record: EnrolRecord): record is WithFactor {
  return record.userId !== undefined && record.factorId !== undefined && record.secret !== undefined;
}

function codeAt(record: WithFactor, step: number): string {
  return codeForStep({ type: 'totp', algorithm: 'SHA1', digits: record.digits ?? 6, period: record.period ?? 30, secret: record.secret }, step);
}

/**
 * Takes one user from its recorded step to `saved`, recording each step in the vault before the next
 * one starts. Returns the final record; a failure is recorded (with the step it stopped at) and returned,
 * never thrown, except cancellation and failures that would stop every user alike.
 */
export async function enrolUser(start: EnrolRecord, context: StepContext): Promise<EnrolRecord> {
  let record: EnrolRecord = { ...start };
  delete record.error;
  const resumed = start.step !== 'pending';
  let fresh = false;
  /** Records `next` as this user's state; a new step is also told to onStep. */
  const keep: Keep = async (next) => {
    const stepped = next.step !== record.step;
    record = next;
    await context.journal.write(record);
    if (stepped) context.onStep?.(record);
  };
  const advance: Advance = (change, step) => keep({ ...record, ...change, step });
  try {
    while (record.step !== 'saved') {
      context.signal?.throwIfAborted();
      switch (record.step) {
        case 'pending': {
          const outcome = await findOrCreate(record, context, keep);
          if (outcome === 'created') fresh = true;
          if (outcome === 'left-alone') {
            if (context.existing === 'fail') throw stopRun(existingUserStops(record.login));
            return record;
          }
          break;
        }
        case 'created':
          await enrolFactor(record as EnrolRecord & { userId: string }, fresh, context, advance);
          break;
        case 'factor-enrolled':
          await activate(record as WithFactor, resumed, context, advance);
          break;
        case 'activated':
          await verify(record as WithFactor, context, advance);
          break;
        case 'verified': {
          const factor = record as WithFactor;
          record = { ...record, step: 'saved' };
          const spentStep = record.verifyStep ?? record.activationStep;
          await context.journal.write(record, { issuer: context.provider.issuer, label: record.login, secret: factor.secret, digits: factor.digits ?? 6, period: factor.period ?? 30, ...(spentStep !== undefined ? { spentStep } : {}), ...(record.recoveryCode ? { recoveryCode: record.recoveryCode } : {}) });
          record = context.journal.find(record.login) ?? record;
          context.onStep?.(record);
          break;
        }
      }
    }
    return record;
  } catch (error) {
    if (context.signal?.aborted) throw context.signal.reason;
    if (stopsRun.has(error as object)) throw error;
    const failed: EnrolRecord = { ...record, error: describeFailure(record.step, error) };
    await context.journal.write(failed);
    if (context.provider.isFatal(error)) throw error;
    return failed;
  }
}

type Advance = (change: Partial<EnrolRecord>, step: EnrolStep) => Promise<void>;
type Keep = (next: EnrolRecord) => Promise<void>;

/** Errors that end the whole run and are not a failure of the user they came from. */
const stopsRun = new WeakSet<object>();

function stopRun(error: Error): Error {
  stopsRun.add(error);
  return error;
}

function existingUserStops(login: string): Error {
  return appError('DUPLICATE', `${login} already exists in the org and Traykey did not create it; the run stopped (--existing fail) and left it alone. Give --existing skip to leave such users alone, or --existing enrol to enrol them.`);
}

function withoutCreateSent(record: EnrolRecord): EnrolRecord {
  const { createSentAt: _sent, ...rest } = record;
  return rest;
}

/**
 * The first step: find the login in the org, and create the user only when nobody has it. A user found
 * is Traykey's only when its own interrupted create call made it; any other is existing, and is enrolled
 * only under `--existing enrol`. The create call is recorded before it is sent, so a crash never leaves a
 * user whose maker is unknown.
 */
async function findOrCreate(record: EnrolRecord, context: StepContext, keep: Keep): Promise<'created' | 'found' | 'left-alone'> {
  const found = await context.provider.findUser(record.login, context.signal);
  if (found && madeByLostCreate(record, found)) {
    await keep({ ...withoutCreateSent(record), userId: found.id, ownership: 'created', ...createdField(found), step: 'created' });
    return 'found';
  }
  if (found) {
    const { skipped: _skipped, ...existing } = withoutCreateSent({ ...record, ownership: 'existing', userId: found.id, ...createdField(found) });
    if (context.existing !== 'enrol') {
      await keep({ ...existing, skipped: true });
      return 'left-alone';
    }
    await keep({ ...existing, step: 'created' });
    return 'found';
  }
  if (!context.createMissing) throw appError('NOT_FOUND', `There is no user ${record.login} in the org: check the login.`);
  const password = record.password ?? context.newPassword?.();
  const sending: EnrolRecord = { ...record, ...(password !== undefined ? { password } : {}), createSentAt: context.provider.serverNow() };
  await keep(sending);
  let user: OrgUser;
  try {
    user = await context.provider.createUser(sending, context.signal);
  } catch (error) {
    // Refused outright, the call made nobody: a user of this login found later is someone else's.
    if (isDefiniteRefusal(error)) await keep(withoutCreateSent(sending));
    throw error;
  }
  await keep({ ...withoutCreateSent(sending), userId: user.id, ownership: 'created', ...createdField(user), step: 'created' });
  return 'created';
}

async function enrolFactor(record: EnrolRecord & { userId: string }, fresh: boolean, context: StepContext, advance: Advance): Promise<void> {
  if (hasFactor(record)) {
    // A factor from an earlier attempt whose secret is recorded: reuse it rather than enrol another.
    const state = await context.provider.factorState(record, context.signal);
    if (state === 'pending') return advance({}, 'factor-enrolled');
    if (state === 'active') return advance({ activationStep: timeStep(context.provider.serverNow(), record.period ?? 30) }, 'activated');
  }
  const factor = await context.provider.enrolTotp(record, fresh, context.signal);
  await advance({ factorId: factor.factorId, secret: factor.secret, digits: factor.digits, period: factor.period, ...(factor.recoveryCode ? { recoveryCode: factor.recoveryCode } : {}) }, 'factor-enrolled');
}

async function activate(record: WithFactor, resumed: boolean, context: StepContext, advance: Advance): Promise<void> {
  if (resumed) {
    // The activation may have gone through just before an interruption.
    const state = await context.provider.factorState(record, context.signal);
    // Its code was from this time step at the latest, so verification takes the next one.
    if (state === 'active') return advance({ activationStep: timeStep(context.provider.serverNow(), record.period ?? 30) }, 'activated');
    if (state === 'missing') return advance({}, 'created');
  }
  const period = record.period ?? 30;
  const step = await usableStep(record, context, period);
  await withOneRetry(context, period, () => context.provider.activate(record, codeAt(record, step.value), context.signal), step);
  await advance({ activationStep: step.value }, 'activated');
}

async function verify(record: WithFactor, context: StepContext, advance: Advance): Promise<void> {
  const period = record.period ?? 30;
  const step = await usableStep(record, context, period);
  await withOneRetry(context, period, () => context.provider.verify(record, codeAt(record, step.value), context.signal), step);
  await advance({ verifyStep: step.value }, 'verified');
}

/**
 * The time step to compute a code for. Codes are single-use, so verification takes the step after
 * the activation's: the org accepts one step either side of its own, so that code is good at once.
 */
async function usableStep(record: WithFactor, context: StepContext, period: number): Promise<{ value: number }> {
  const current = timeStep(context.provider.serverNow(), period);
  const after = record.activationStep !== undefined ? record.activationStep + 1 : current;
  if (after > current + 1) await waitForStep(after - 1, context, period);
  return { value: Math.max(current, after) };
}

/** One more try, in the next time step, when the org refused the code itself (skew near a boundary). */
async function withOneRetry(context: StepContext, period: number, attempt: () => Promise<void>, step: { value: number }): Promise<void> {
  try {
    await attempt();
  } catch (error) {
    if (!context.provider.isCodeRejected(error)) throw error;
    const next = Math.max(step.value, timeStep(context.provider.serverNow(), period)) + 1;
    await waitForStep(next, context, period);
    step.value = next;
    await attempt();
  }
}

async function waitForStep(step: number, context: StepContext, period: number): Promise<void> {
  const waitMs = step * period * 1000 - context.provider.serverNow();
  if (waitMs > 0) await context.sleep(waitMs + 250, context.signal);
}

function describeFailure(step: EnrolStep, error: unknown): NonNullable<EnrolRecord['error']> {
  const attempted = step === 'saved' ? 'save' : STEP_ATTEMPTED[step];
  if (isAppError(error)) return { step: attempted, code: (error as AppError).code, message: error.message };
  return { step: attempted, code: 'INTERNAL', message: `The ${attempted} step failed unexpectedly; running the command again retries it.` };
}
