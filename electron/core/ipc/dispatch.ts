import { contract, IN_PROCESS, type Caller, type Channel, type Handlers } from '../../../shared/ipc';
import { appError, isAppError, type Result } from '../../../shared/errors';

const isChannel = (name: string): name is Channel => Object.hasOwn(contract, name);

function describeIssue(issue: { path: PropertyKey[]; message: string }): string {
  const where = issue.path.map(String).join('.');
  return where ? `${where}: ${issue.message}` : issue.message;
}

/**
 * Runs one call from the renderer (Electron IPC or the e2e harness): an unknown channel or a payload
 * that fails the contract's schema never reaches a handler; an AppError comes back as data, and any
 * other failure as a generic INTERNAL sentence (its message might carry something it should not).
 */
export async function dispatch(handlers: Handlers, channel: string, payload: unknown, caller: Caller = IN_PROCESS): Promise<Result<unknown>> {
  if (!isChannel(channel)) return { ok: false, error: appError('INVALID_INPUT', `Unknown call "${channel.slice(0, 60)}".`).toData() };
  const parsed = contract[channel].request.safeParse(payload ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.map(String).join('.') || undefined;
    const message = `The request for ${channel} is not valid (${issue ? describeIssue(issue) : 'unreadable'}).`;
    return { ok: false, error: appError('INVALID_INPUT', message, field ? { field } : {}).toData() };
  }
  try {
    const handler = handlers[channel] as (request: unknown, caller: Caller) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data, caller) };
  } catch (error) {
    if (isAppError(error)) return { ok: false, error: error.toData() };
    return { ok: false, error: appError('INTERNAL', 'Something went wrong inside Traykey; try again, and restart it if this keeps happening.').toData() };
  }
}
