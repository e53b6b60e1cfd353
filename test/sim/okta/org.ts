import type { Clock } from '../clock';
import { randomId } from '../ids';
import { PushQueue } from '../push-queue';
import type { SimReply, SimRequest } from '../http/types';
import { oktaError } from './errors';
import type { AuthnTransaction, OktaFactor, OktaPushData, OktaSession, OktaUser } from './model';

export interface OktaOrgConfig {
  name: string;
  /** The org's base URL, e.g. http://127.0.0.1:4100/okta/demo */
  baseUrl: string;
  apiToken: string;
  clock: Clock;
  /** How long a push prompt waits for an answer before TIMEOUT. */
  pushTimeoutMs: number;
  stateTokenTtlMs: number;
  /** When true, a user without an active factor is sent to MFA_ENROLL instead of SUCCESS. */
  requireMfa: boolean;
}

export interface OktaSeedUser {
  login: string;
  password: string;
  firstName?: string;
  lastName?: string;
  /** Enrol an active TOTP factor with this base32 secret. */
  totpSecret?: string;
  /** Enrol an active Okta Verify push factor. */
  push?: boolean;
}

/** All state of one simulated Okta org. */
export class OktaOrg {
  readonly users = new Map<string, OktaUser>();
  readonly factors = new Map<string, OktaFactor>();
  readonly transactions = new Map<string, AuthnTransaction>();
  readonly sessionTokens = new Map<string, { userId: string; expiresAt: number }>();
  readonly sessions = new Map<string, OktaSession>();
  readonly pushes: PushQueue<OktaPushData>;

  constructor(readonly config: OktaOrgConfig) {
    this.pushes = new PushQueue<OktaPushData>(config.clock, () => this.config.pushTimeoutMs);
  }

  now(): number {
    return this.config.clock();
  }

  url(path: string): string {
    return `${this.config.baseUrl}${path}`;
  }

  /** Okta looks users up by id, login, or the login's part before `@`. */
  findUser(idOrLogin: string): OktaUser | undefined {
    const direct = this.users.get(idOrLogin);
    if (direct) return direct;
    const wanted = idOrLogin.toLowerCase();
    for (const user of this.users.values()) {
      const login = user.profile.login.toLowerCase();
      if (login === wanted || login.split('@')[0] === wanted) return user;
    }
    return undefined;
  }

  userFactors(userId: string): OktaFactor[] {
    return [...this.factors.values()].filter((f) => f.userId === userId);
  }

  /** The SSWS API token check of the management APIs; undefined when the caller may proceed. */
  requireApiToken(req: SimRequest): SimReply | undefined {
    const header = req.headers.authorization ?? '';
    if (header === `SSWS ${this.config.apiToken}`) return undefined;
    return oktaError('E0000011');
  }

  addUser(input: { login: string; email?: string; firstName?: string | null; lastName?: string | null; password: string | null; status: OktaUser['status']; groupIds?: string[]; extra?: Record<string, unknown> }): OktaUser {
    const now = this.now();
    const user: OktaUser = {
      id: randomId('00u', 17),
      status: input.status,
      created: now,
      activated: input.status === 'ACTIVE' || input.status === 'PROVISIONED' ? now : null,
      statusChanged: input.status === 'STAGED' ? null : now,
      lastLogin: null,
      lastUpdated: now,
      passwordChanged: input.password ? now : null,
      profile: { ...input.extra, login: input.login, email: input.email ?? input.login, firstName: input.firstName ?? null, lastName: input.lastName ?? null },
      password: input.password,
      groupIds: input.groupIds ?? [],
    };
    this.users.set(user.id, user);
    return user;
  }

  addFactor(userId: string, factorType: OktaFactor['factorType'], provider: OktaFactor['provider'], secret: string | null): OktaFactor {
    const now = this.now();
    const factor: OktaFactor = {
      id: randomId(factorType === 'push' ? 'opf' : 'ostf', 16),
      userId,
      factorType,
      provider,
      status: 'PENDING_ACTIVATION',
      created: now,
      lastUpdated: now,
      secret,
      usedSteps: new Set(),
      qrToken: randomId('00', 40),
      activationExpiresAt: now + 10 * 60_000,
    };
    this.factors.set(factor.id, factor);
    return factor;
  }

  activateFactor(factor: OktaFactor): void {
    factor.status = 'ACTIVE';
    factor.lastUpdated = this.now();
  }

  deleteUser(userId: string): void {
    this.users.delete(userId);
    for (const factor of this.userFactors(userId)) this.factors.delete(factor.id);
  }
}
