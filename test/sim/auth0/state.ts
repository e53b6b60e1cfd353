import type { Clock } from '../clock';
import { randomHex, randomId } from '../ids';
import { PushQueue } from '../push-queue';
import type { Auth0AccessToken, Auth0Authenticator, Auth0User, MfaToken, OobTransaction } from './model';

export interface Auth0TenantConfig {
  name: string;
  /** Shown as the issuer in barcode URIs. */
  friendlyName: string;
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  managementClientId: string;
  managementClientSecret: string;
  realm: string;
  clock: Clock;
  mfaTokenTtlMs: number;
  pushTimeoutMs: number;
  /** mfa-oob polls closer together than this get slow_down. */
  oobPollIntervalMs: number;
  /** When true, every password login needs MFA (users without an authenticator must enrol). */
  requireMfa: boolean;
}

export interface Auth0SeedUser {
  email: string;
  password: string;
  username?: string;
  /** An active OTP authenticator with this base32 secret. */
  totpSecret?: string;
  /** An active Guardian push authenticator. */
  push?: boolean;
}

const ACCESS_TOKEN_TTL_MS = 86_400_000;

/** All state of one simulated Auth0 tenant. */
export class Auth0State {
  readonly users = new Map<string, Auth0User>();
  readonly mfaTokens = new Map<string, MfaToken>();
  readonly oob = new Map<string, OobTransaction>();
  readonly accessTokens = new Map<string, Auth0AccessToken>();
  readonly smsOutbox: { phoneNumber: string; code: string; sentAt: number }[] = [];
  readonly pushes: PushQueue<{ oobCode: string }>;

  constructor(readonly config: Auth0TenantConfig) {
    this.pushes = new PushQueue(config.clock, () => this.config.pushTimeoutMs);
  }

  now(): number {
    return this.config.clock();
  }

  /** The identifier Auth0 expects as the Management API audience: the https form of the tenant address, though the simulator serves plain http. */
  get managementAudience(): string {
    return `${this.config.baseUrl.replace(/^http:/, 'https:')}/api/v2/`;
  }

  findUser(usernameOrEmail: string): Auth0User | undefined {
    const wanted = usernameOrEmail.toLowerCase();
    for (const user of this.users.values()) {
      if (user.email.toLowerCase() === wanted || user.username?.toLowerCase() === wanted) return user;
    }
    return undefined;
  }

  addUser(input: { email: string; password: string; username?: string | null; emailVerified?: boolean; connection?: string }): Auth0User {
    const now = this.now();
    const user: Auth0User = {
      userId: `auth0|${randomHex(12)}`,
      email: input.email,
      username: input.username ?? null,
      password: input.password,
      emailVerified: input.emailVerified ?? false,
      connection: input.connection ?? this.config.realm,
      createdAt: now,
      updatedAt: now,
      authenticators: [],
      recoveryCode: null,
    };
    this.users.set(user.userId, user);
    return user;
  }

  addAuthenticator(user: Auth0User, input: Pick<Auth0Authenticator, 'authenticatorType' | 'oobChannel' | 'secret' | 'phoneNumber'>): Auth0Authenticator {
    const prefix = input.authenticatorType === 'otp' ? 'totp' : input.oobChannel === 'sms' ? 'sms' : 'push';
    const authenticator: Auth0Authenticator = { ...input, id: `${prefix}|${randomId('dev_', 16)}`, active: false, usedSteps: new Set(), createdAt: this.now() };
    user.authenticators.push(authenticator);
    return authenticator;
  }

  /** The first enrolment also creates the user's recovery code (shown once). */
  ensureRecoveryCode(user: Auth0User): string | undefined {
    if (user.recoveryCode) return undefined;
    user.recoveryCode = randomId('', 24).toUpperCase().replace(/[^A-Z0-9]/g, 'X');
    user.authenticators.push({ id: `recovery-code|${randomId('dev_', 16)}`, authenticatorType: 'recovery-code', active: true, usedSteps: new Set(), createdAt: this.now() });
    return user.recoveryCode;
  }

  newRecoveryCode(user: Auth0User): string {
    user.recoveryCode = randomId('', 24).toUpperCase().replace(/[^A-Z0-9]/g, 'X');
    return user.recoveryCode;
  }

  issueMfaToken(userId: string, scope: string | undefined): string {
    const token = `Fe26.2*sim*${randomId('', 48)}`;
    this.mfaTokens.set(token, { userId, expiresAt: this.now() + this.config.mfaTokenTtlMs, scope });
    return token;
  }

  issueAccessToken(kind: Auth0AccessToken['kind'], scope: string, userId?: string): { token: string; expiresIn: number } {
    const token = randomId('sim_at_', 40);
    this.accessTokens.set(token, { kind, ...(userId ? { userId } : {}), scope, expiresAt: this.now() + ACCESS_TOKEN_TTL_MS });
    return { token, expiresIn: ACCESS_TOKEN_TTL_MS / 1000 };
  }

  bearer(header: string | undefined): string | undefined {
    const match = /^Bearer\s+(.+)$/i.exec(header ?? '');
    return match?.[1]?.trim();
  }

  deleteUser(userId: string): void {
    this.users.delete(userId);
    for (const [token, entry] of this.mfaTokens) if (entry.userId === userId) this.mfaTokens.delete(token);
  }
}
