import { appError } from '../../../shared/errors';
import type { Handlers } from '../../../shared/ipc';
import type { EnrolResultView, NewConnectionInput, RunStatusView } from '../../../shared/ipc/admin';
import { cleanUp, cleanupPlan, forgetRecords } from '../admin/cleanup';
import { auth0CredentialsFrom } from '../admin/connection';
import type { NewConnection } from '../admin/connection-store';
import { testConnection } from '../admin/connection-test';
import { recordStatus } from '../admin/enrol-record';
import { saveWorkingConnection } from '../admin/save-connection';
import { providerFor } from '../admin/provider-for';
import { RunRegistry } from '../admin/run-registry';
import { runLockDir, withRunLock } from '../admin/run-lock';
import { usersFromCount, usersFromCsv } from '../admin/test-users';
import type { CoreContext } from './core-context';

type AdminChannels =
  | 'admin:connections'
  | 'admin:connect'
  | 'admin:disconnect'
  | 'admin:test'
  | 'admin:enrol'
  | 'admin:retry'
  | 'admin:run'
  | 'admin:cancel'
  | 'admin:results'
  | 'admin:cleanupPreview'
  | 'admin:forgetRecords'
  | 'admin:cleanup';

function toNewConnection(input: NewConnectionInput): NewConnection {
  const name = input.name?.trim() ? { name: input.name.trim() } : {};
  if (input.provider === 'okta') return { provider: 'okta', url: input.url, ...name, okta: { apiToken: input.apiToken } };
  const appClientId = input.appClientId?.trim();
  const realm = input.realm?.trim();
  return {
    provider: 'auth0',
    url: input.url,
    ...name,
    auth0: auth0CredentialsFrom({
      managementClientId: input.managementClientId,
      managementClientSecret: input.managementClientSecret,
      ...(appClientId ? { appClientId } : {}),
      ...(input.appClientSecret ? { appClientSecret: input.appClientSecret } : {}),
      ...(realm ? { realm } : {}),
    }),
  };
}

function known(status: RunStatusView | undefined): RunStatusView {
  if (!status) throw appError('NOT_FOUND', 'That run is no longer known (the app was restarted); the results table shows every recorded user.');
  return status;
}

/** The Admin area's calls: connections in the vault, background enrolment runs, results and clean-up. */
export function adminHandlers(context: CoreContext): Pick<Handlers, AdminChannels> {
  const { connections, journal } = context;
  const lockDir = runLockDir(context.home);
  const runs = new RunRegistry(lockDir, () => context.emit('accounts:changed'));
  const startRun = (connectionId: string, users: ReturnType<typeof usersFromCount>, options: { resume: boolean; groupIds: string[]; factorProvider: 'GOOGLE' | 'OKTA'; concurrency: number }) => {
    const target = connections.target(connectionId);
    return runs.start(connectionId, target.name, { provider: providerFor(target), journal: journal(connectionId), users, resume: options.resume, groupIds: options.groupIds, factorProvider: options.factorProvider, concurrency: options.concurrency });
  };

  return {
    'admin:connections': async () => connections.list(),
    'admin:connect': async (input) => saveWorkingConnection(connections, toNewConnection(input)),
    'admin:disconnect': async ({ connectionId }) => {
      await connections.remove(connectionId);
      return {};
    },
    'admin:test': async ({ connectionId }) => testConnection(connections.target(connectionId)),
    'admin:enrol': async (request) => {
      const domain = request.emailDomain?.trim() || 'example.com';
      const users = request.csv?.trim() ? usersFromCsv(request.csv, domain) : usersFromCount(request.count ?? 1, request.prefix?.trim() || 'testuser', domain);
      return startRun(request.connectionId, users, { resume: false, groupIds: request.groupIds, factorProvider: request.factorProvider, concurrency: request.concurrency });
    },
    'admin:retry': async ({ connectionId }) => startRun(connectionId, [], { resume: true, groupIds: [], factorProvider: 'GOOGLE', concurrency: 8 }),
    'admin:run': async ({ runId }) => known(runs.status(runId)),
    'admin:cancel': async ({ runId }) => known(runs.cancel(runId)),
    'admin:results': async ({ connectionId }) =>
      journal(connectionId)
        .records()
        .map(
          (record): EnrolResultView => ({
            login: record.login,
            ...(record.userId ? { userId: record.userId } : {}),
            ...(record.factorId ? { factorId: record.factorId } : {}),
            ...(record.ownership ? { ownership: record.ownership } : {}),
            status: recordStatus(record),
            step: record.error?.step ?? record.step,
            ...(record.error ? { error: record.error.message } : {}),
            ...(record.accountId ? { accountId: record.accountId } : {}),
          }),
        ),
    'admin:cleanupPreview': async ({ connectionId }) => {
      const plan = cleanupPlan(journal(connectionId));
      return { items: plan.items.map(({ login, action }) => ({ login, action })), leftAlone: plan.leftAlone };
    },
    'admin:forgetRecords': async ({ connectionId, logins }) => {
      const target = connections.target(connectionId);
      return { forgotten: await withRunLock(lockDir, connectionId, target.name, () => forgetRecords(journal(connectionId), logins)) };
    },
    'admin:cleanup': async ({ connectionId, logins, count }) => {
      const target = connections.target(connectionId);
      const results = await withRunLock(lockDir, connectionId, target.name, async () => {
        const confirmed = new Set(logins.map((login) => login.toLowerCase()));
        // The confirmation named a count: if the list changed since, nothing is done.
        if (confirmed.size !== count) throw appError('INVALID_INPUT', `The confirmation names ${count} users but lists ${confirmed.size}: nothing was deleted.`);
        const items = cleanupPlan(journal(connectionId)).items.filter((item) => confirmed.has(item.login.toLowerCase()));
        if (items.length !== count) throw appError('INVALID_INPUT', `Only ${items.length} of the ${count} confirmed users can still be cleaned up: nothing was deleted; look at the list again.`);
        return cleanUp(providerFor(target), journal(connectionId), items);
      });
      context.emit('accounts:changed');
      return results;
    },
  };
}
