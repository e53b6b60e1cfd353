import { connectionIdFor, defaultConnectionName, normalizeOrgUrl, type ConnectionTarget } from './connection';
import type { ConnectionStore, ConnectionSummary, NewConnection } from './connection-store';
import { testConnection, type ConnectionCheck } from './connection-test';
import type { ProviderHttpOptions } from './okta-provider';

/**
 * Saves a connection only once it works, so a typo never becomes a saved credential; one that works
 * with a skewed clock is saved, and the check carries the warning. The Admin view and
 * `traykey admin connect` both save this way.
 */
export async function saveWorkingConnection(store: ConnectionStore, connection: NewConnection, options: ProviderHttpOptions = {}): Promise<{ connection?: ConnectionSummary; check: ConnectionCheck }> {
  const url = normalizeOrgUrl(connection.url);
  const probe = { ...connection, url, id: connectionIdFor(connection.provider, url), name: connection.name ?? defaultConnectionName(url) } as ConnectionTarget;
  const check = await testConnection(probe, options);
  if (!check.usable) return { check };
  return { connection: await store.save(connection), check };
}
