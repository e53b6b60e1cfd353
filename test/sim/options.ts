import type { Clock } from './clock';
import type { RateLimitRule } from './rate-limit';
import type { OktaSeedUser } from './okta/org';
import type { Auth0SeedUser } from './auth0/state';
import type { UserVerificationPolicy } from './okta-push/state';

export interface OktaOrgOptions {
  apiToken?: string;
  users?: OktaSeedUser[];
  /** Users without an active factor must enrol one (MFA_ENROLL); default true. */
  requireMfa?: boolean;
  rateLimits?: RateLimitRule[];
  /** The custom authenticator's user-verification setting; default DISCOURAGED. */
  userVerification?: UserVerificationPolicy;
}

export interface Auth0TenantOptions {
  clientId?: string;
  clientSecret?: string;
  managementClientId?: string;
  managementClientSecret?: string;
  realm?: string;
  friendlyName?: string;
  users?: Auth0SeedUser[];
  /** Every password login needs MFA, enrolled or not; default true. */
  requireMfa?: boolean;
  rateLimits?: RateLimitRule[];
}

/** Demo data and per-provider settings for the default org (`demo`) and tenant (`demo`). */
export interface SimSeed {
  okta?: OktaOrgOptions;
  auth0?: Auth0TenantOptions;
}

export interface SimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Injected clock for expiry of state tokens, mfa tokens and pushes; default Date.now. */
  now?: Clock;
  seed?: SimSeed;
  /** Unanswered pushes end in TIMEOUT after this long; default 5 minutes. */
  pushTimeoutMs?: number;
  /** Okta stateToken lifetime; default 5 minutes. */
  stateTokenTtlMs?: number;
  /** Auth0 mfa_token lifetime; default 10 minutes. */
  mfaTokenTtlMs?: number;
  /** Auth0 mfa-oob polls closer together than this get slow_down; default 5 seconds. */
  oobPollIntervalMs?: number;
}

export const defaultOktaUsers: OktaSeedUser[] = [
  { login: 'alice@example.com', password: 'Traykey-Demo-1', firstName: 'Alice', lastName: 'Enrols' },
  { login: 'bob@example.com', password: 'Traykey-Demo-2', firstName: 'Bob', lastName: 'Pushes', push: true },
];

export const defaultAuth0Users: Auth0SeedUser[] = [
  { email: 'carol@example.com', username: 'carol', password: 'Traykey-Demo-3' },
  { email: 'dave@example.com', username: 'dave', password: 'Traykey-Demo-4', push: true },
];
