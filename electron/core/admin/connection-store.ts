import { appError } from '../../../shared/errors';
import type { VaultLike } from '../accounts/accounts-service';
import {
  connectionIdFor,
  connectionsIn,
  defaultConnectionName,
  normalizeOrgUrl,
  type Auth0Credentials,
  type ConnectionTarget,
  type OktaCredentials,
  type Provider,
  type StoredConnection,
} from './connection';

/** What may be shown of a connection: never its token or client secrets. */
export interface ConnectionSummary {
  id: string;
  provider: Provider;
  name: string;
  url: string;
  createdAt: number;
}

export type NewConnection =
  | { provider: 'okta'; url: string; name?: string; okta: OktaCredentials }
  | { provider: 'auth0'; url: string; name?: string; auth0: Auth0Credentials };

export function summaryOfConnection(connection: StoredConnection): ConnectionSummary {
  return { id: connection.id, provider: connection.provider, name: connection.name, url: connection.url, createdAt: connection.createdAt };
}

/** Admin connections, kept in the vault document (`doc.adminConnections`) beside the accounts. */
export class ConnectionStore {
  constructor(
    private readonly vault: VaultLike,
    private readonly now: () => number,
  ) {}

  list(): ConnectionSummary[] {
    return connectionsIn(this.vault.read()).map(summaryOfConnection);
  }

  /** Saves a connection; saving the same org again replaces its credentials. */
  async save(input: NewConnection): Promise<ConnectionSummary> {
    const url = normalizeOrgUrl(input.url);
    const id = connectionIdFor(input.provider, url);
    const name = input.name?.trim() || defaultConnectionName(url);
    const base = { id, name, url, createdAt: this.now() };
    const stored: StoredConnection = input.provider === 'okta' ? { ...base, provider: 'okta', okta: input.okta } : { ...base, provider: 'auth0', auth0: input.auth0 };
    await this.vault.update((doc) => {
      const others = connectionsIn(doc).filter((connection) => connection.id !== id);
      doc.adminConnections = [...others, stored];
    });
    return summaryOfConnection(stored);
  }

  async remove(id: string): Promise<void> {
    await this.vault.update((doc) => {
      const all = connectionsIn(doc);
      if (!all.some((connection) => connection.id === id)) throw unknownConnection(id);
      doc.adminConnections = all.filter((connection) => connection.id !== id);
    });
  }

  /** The saved connection with its credentials, for one run inside this process. */
  target(id: string): ConnectionTarget {
    const found = connectionsIn(this.vault.read()).find((connection) => connection.id === id);
    if (!found) throw unknownConnection(id);
    return found;
  }

  /** The saved connection for an org address, if any. */
  findByUrl(provider: Provider, url: string): ConnectionTarget | undefined {
    const id = connectionIdFor(provider, normalizeOrgUrl(url));
    return connectionsIn(this.vault.read()).find((connection) => connection.id === id);
  }
}

function unknownConnection(id: string) {
  return appError('NOT_FOUND', `There is no saved admin connection "${id}": add one with \`traykey admin connect\`.`);
}
