import type { EnrolRecord } from './enrol-record';
import type { OrgUser } from './ownership';

/** A TOTP factor as enrolment gave it: the secret is canonical base32. */
export interface EnrolledFactor {
  factorId: string;
  secret: string;
  digits: number;
  period: number;
  /** The recovery code the provider returned with the factor (Auth0), kept with the account. */
  recoveryCode?: string;
}

export type FactorState = 'pending' | 'active' | 'missing';

/** A factor as listed for one user (`traykey admin … factors`). */
export interface FactorListing {
  id: string;
  type: string;
  provider: string;
  status: string;
}

/**
 * What the enrolment engine needs from an identity provider, one call per step. Okta and Auth0
 * each implement it over the idp clients; unit tests use a fake.
 */
export interface AdminProvider {
  readonly kind: 'okta' | 'auth0';
  /** Issuer of the saved accounts: the connection's name or the org's host. */
  readonly issuer: string;
  /** Epoch ms on the org's clock (the local clock plus the skew measured from its answers). */
  serverNow(): number;
  /** The user who signs in with this login (Auth0: as email or username), if any. */
  findUser(login: string, signal?: AbortSignal): Promise<OrgUser | undefined>;
  /** The user with this id, if it still exists. */
  getUser(userId: string, signal?: AbortSignal): Promise<OrgUser | undefined>;
  createUser(record: EnrolRecord, signal?: AbortSignal): Promise<OrgUser>;
  /** Enrols a new TOTP factor; `fresh` users were created by this step, so nothing can be pending. */
  enrolTotp(record: EnrolRecord & { userId: string }, fresh: boolean, signal?: AbortSignal): Promise<EnrolledFactor>;
  factorState(record: EnrolRecord & { userId: string; factorId: string }, signal?: AbortSignal): Promise<FactorState>;
  activate(record: EnrolRecord & { userId: string; factorId: string }, code: string, signal?: AbortSignal): Promise<void>;
  verify(record: EnrolRecord & { userId: string; factorId: string }, code: string, signal?: AbortSignal): Promise<void>;
  /** True when the error would fail every user alike (bad credentials, missing permission, org unreachable). */
  isFatal(error: unknown): boolean;
  /** True when the error says the code itself was refused (wrong time step or already used). */
  isCodeRejected(error: unknown): boolean;
  listFactors(record: EnrolRecord & { userId: string }, signal?: AbortSignal): Promise<FactorListing[]>;
  resetFactor(record: EnrolRecord & { userId: string }, factorId: string, signal?: AbortSignal): Promise<void>;
  /** Deactivates (where the provider needs it) and deletes; a user already gone is not an error. */
  deleteUser(userId: string, signal?: AbortSignal): Promise<void>;
}
