import type { HttpClient, HttpMethod, RequestOptions } from '../http/client';
import { OktaUser } from './schemas';

export interface CreateUserInput {
  profile: { login: string; email: string; firstName: string; lastName: string } & Record<string, unknown>;
  /** Omit to create the user without credentials (they get an activation email from Okta). */
  password?: string;
  groupIds?: string[];
  activate?: boolean;
}

/** Okta Users API with an API token (`Authorization: SSWS …`). */
export class OktaUsersClient {
  constructor(
    private readonly http: HttpClient,
    private readonly apiToken: string,
  ) {}

  create(input: CreateUserInput, signal?: AbortSignal): Promise<OktaUser> {
    const body: Record<string, unknown> = { profile: input.profile };
    if (input.password !== undefined) body.credentials = { password: { value: input.password } };
    if (input.groupIds?.length) body.groupIds = input.groupIds;
    return this.http.json(
      { ...this.base('POST', '/api/v1/users', signal), query: { activate: input.activate ?? true }, json: body, secrets: [this.apiToken, input.password] },
      OktaUser,
    );
  }

  /** Okta accepts a login (or its short name) wherever a user id goes. */
  getByLogin(login: string, signal?: AbortSignal): Promise<OktaUser> {
    return this.http.json(this.base('GET', `/api/v1/users/${encodeURIComponent(login)}`, signal), OktaUser);
  }

  async deactivate(userId: string, signal?: AbortSignal): Promise<void> {
    // Deactivating twice is harmless, so a lost answer may be retried.
    await this.http.empty({ ...this.base('POST', `/api/v1/users/${encodeURIComponent(userId)}/lifecycle/deactivate`, signal), safeToRetry: true });
  }

  /** Deletes a deactivated user; on an active user Okta only deactivates, so this deactivates first. */
  async delete(userId: string, signal?: AbortSignal): Promise<void> {
    const user = await this.http.json(this.base('GET', `/api/v1/users/${encodeURIComponent(userId)}`, signal), OktaUser.pick({ id: true, status: true }));
    if (user.status !== 'DEPROVISIONED') await this.deactivate(userId, signal);
    await this.http.empty(this.base('DELETE', `/api/v1/users/${encodeURIComponent(userId)}`, signal));
  }

  private base(method: HttpMethod, path: string, signal: AbortSignal | undefined): RequestOptions {
    return { method, path, headers: { authorization: `SSWS ${this.apiToken}` }, secrets: [this.apiToken], ...(signal ? { signal } : {}) };
  }
}
