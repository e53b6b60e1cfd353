import { z } from 'zod';
import type { HttpClient, HttpMethod, RequestOptions } from '../http/client';
import { ManagementUser, TokenResponse } from './schemas';
import { GRANT, managementAudience } from './tenant';

export interface CreateAuth0UserInput {
  connection: string;
  email: string;
  password: string;
  username?: string;
  emailVerified?: boolean;
}

/**
 * Auth0 Management API v2 with a client-credentials token (audience https://TENANT/api/v2/).
 * The token is cached until shortly before it expires.
 */
export class Auth0Management {
  private token: { value: string; expiresAtMs: number } | undefined;

  constructor(
    private readonly http: HttpClient,
    private readonly credentials: { clientId: string; clientSecret: string },
  ) {}

  get audience(): string {
    return managementAudience(this.http.baseUrl);
  }

  async createUser(input: CreateAuth0UserInput, signal?: AbortSignal): Promise<ManagementUser> {
    const body = {
      connection: input.connection,
      email: input.email,
      password: input.password,
      ...(input.username ? { username: input.username } : {}),
      ...(input.emailVerified !== undefined ? { email_verified: input.emailVerified } : {}),
    };
    return this.http.json({ ...(await this.authed('POST', '/api/v2/users', signal)), json: body, secrets: [input.password] }, ManagementUser);
  }

  /** The users with this email address (GET /api/v2/users-by-email); one per connection at most. */
  async usersByEmail(email: string, signal?: AbortSignal): Promise<ManagementUser[]> {
    return this.http.json({ ...(await this.authed('GET', '/api/v2/users-by-email', signal)), query: { email } }, z.array(ManagementUser));
  }

  /**
   * The users with this username, by the user search (`q=username:"…"`, search engine v3); see
   * https://auth0.com/docs/manage-users/user-search/user-search-query-syntax.
   */
  async usersByUsername(username: string, signal?: AbortSignal): Promise<ManagementUser[]> {
    // Auth0 usernames cannot hold a double quote or backslash; such a name matches nobody.
    if (/["\\]/.test(username)) return [];
    return this.http.json({ ...(await this.authed('GET', '/api/v2/users', signal)), query: { q: `username:"${username}"`, search_engine: 'v3' } }, z.array(ManagementUser));
  }

  /** One user by id (GET /api/v2/users/{id}); a NOT_FOUND error when it is gone. */
  async user(userId: string, signal?: AbortSignal): Promise<ManagementUser> {
    return this.http.json(await this.authed('GET', `/api/v2/users/${encodeURIComponent(userId)}`, signal), ManagementUser);
  }

  async deleteUser(userId: string, signal?: AbortSignal): Promise<void> {
    await this.http.empty(await this.authed('DELETE', `/api/v2/users/${encodeURIComponent(userId)}`, signal));
  }

  private async authed(method: HttpMethod, path: string, signal: AbortSignal | undefined): Promise<RequestOptions> {
    const token = await this.accessToken(signal);
    return { method, path, headers: { authorization: `Bearer ${token}` }, secrets: [token], ...(signal ? { signal } : {}) };
  }

  private async accessToken(signal: AbortSignal | undefined): Promise<string> {
    if (this.token && this.http.now() < this.token.expiresAtMs) return this.token.value;
    const tokens = await this.http.json(
      {
        method: 'POST',
        path: '/oauth/token',
        form: { grant_type: GRANT.clientCredentials, client_id: this.credentials.clientId, client_secret: this.credentials.clientSecret, audience: this.audience },
        secrets: [this.credentials.clientSecret],
        // Asking for another token has no side effect worth guarding.
        safeToRetry: true,
        ...(signal ? { signal } : {}),
      },
      TokenResponse,
    );
    const lifetimeMs = (tokens.expires_in ?? 3600) * 1000;
    this.token = { value: tokens.access_token, expiresAtMs: this.http.now() + lifetimeMs - Math.min(60_000, lifetimeMs / 10) };
    return tokens.access_token;
  }
}
