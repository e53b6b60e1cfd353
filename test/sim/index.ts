import { randomId } from './ids';
import { AdjustableClock, systemClock } from './clock';
import { createControlRouter } from './control-routes';
import { FaultInjector } from './faults';
import { RateLimiter, type RateLimitRule } from './rate-limit';
import { startServer } from './server';
import type { Tenant } from './http/tenant';
import { createOktaTenant, seedOktaUsers, type OktaTenant } from './okta/tenant';
import { createAuth0Tenant, seedAuth0Users, type Auth0Tenant } from './auth0/tenant';
import { answerOktaVerify } from './okta/control-routes';
import { answerGuardian } from './auth0/control-routes';
import { defaultAuth0Users, defaultOktaUsers, type Auth0TenantOptions, type OktaOrgOptions, type SimulatorOptions } from './options';
import type { OktaOrg } from './okta/org';
import { oktaPushInfo, oktaPushState, type OktaPushInfo } from './okta-push';
import type { Auth0State } from './auth0/state';

export type { SimulatorOptions, SimSeed, OktaOrgOptions, Auth0TenantOptions } from './options';
export type { FaultRule, FaultKind, FaultInfo } from './faults';
export type { RateLimitRule } from './rate-limit';
export type { OktaSeedUser } from './okta/org';
export type { Auth0SeedUser } from './auth0/state';

export interface SimOktaInfo extends OktaPushInfo {
  name: string;
  /** Base URL of the org; the Okta APIs live under it (`${url}/api/v1/users`). */
  url: string;
  apiToken: string;
  users: { login: string; password: string }[];
}

export interface SimAuth0Info {
  name: string;
  /** Base URL of the tenant (`${url}/oauth/token`, `${url}/mfa/…`, `${url}/api/v2/…`). */
  url: string;
  clientId: string;
  clientSecret: string;
  managementClientId: string;
  managementClientSecret: string;
  /** Audience for client_credentials tokens of the Management API. */
  managementAudience: string;
  realm: string;
  users: { login: string; email: string; username: string | undefined; password: string }[];
}

export interface SimHandle {
  /** http://127.0.0.1:PORT */
  origin: string;
  okta: SimOktaInfo;
  auth0: SimAuth0Info;
  faults: Pick<FaultInjector, 'add' | 'remove' | 'clear' | 'list'>;
  /** More orgs and tenants on the same port (`/okta/<name>`, `/auth0/<name>`). */
  addOktaOrg(name: string, options?: OktaOrgOptions): SimOktaInfo;
  addAuth0Tenant(name: string, options?: Auth0TenantOptions): SimAuth0Info;
  /** The simulated phones, as the control routes; `org`/`tenant` default to `demo`. */
  phone: {
    okta(login: string, answer: 'approve' | 'deny', org?: string): boolean;
    guardian(usernameOrEmail: string, answer: 'approve' | 'deny', tenant?: string): boolean;
  };
  /** Replaces an org's or tenant's buckets (first match wins), e.g. 600/min on `/api/v1/users`. */
  setRateLimits(provider: 'okta' | 'auth0', rules: RateLimitRule[], name?: string): boolean;
  /** Moves the simulator's clock forward (on top of the injected `now`). */
  advanceClock(ms: number): void;
  /** Live state, for assertions in tests. */
  state: { okta(name?: string): OktaOrg | undefined; auth0(name?: string): Auth0State | undefined };
  close(): Promise<void>;
}

const NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** Starts the loopback Okta/Auth0 simulator with a `demo` org and a `demo` tenant. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<SimHandle> {
  const clock = new AdjustableClock(options.now ?? systemClock);
  const faults = new FaultInjector();
  const oktaOrgs = new Map<string, OktaTenant>();
  const auth0Tenants = new Map<string, Auth0Tenant>();
  const server = await startServer({
    host: '127.0.0.1',
    port: options.port ?? 0,
    clock: clock.now,
    faults,
    control: createControlRouter(faults, clock, (provider, name, rules) => setRateLimits(provider, rules, name)),
    resolveTenant: (kind, name): Tenant | undefined => (kind === 'okta' ? oktaOrgs.get(name) : kind === 'auth0' ? auth0Tenants.get(name) : undefined),
  });

  const setRateLimits = (provider: 'okta' | 'auth0', rules: RateLimitRule[], name = 'demo'): boolean => {
    const tenant = provider === 'okta' ? oktaOrgs.get(name) : auth0Tenants.get(name);
    if (!tenant) return false;
    tenant.rateLimiter = new RateLimiter(rules, clock.now);
    return true;
  };

  const addOktaOrg = (name: string, org: OktaOrgOptions = {}): SimOktaInfo => {
    if (!NAME.test(name) || oktaOrgs.has(name)) throw new Error(`Okta org name "${name}" is invalid or taken.`);
    const url = `${server.origin}/okta/${name}`;
    const apiToken = org.apiToken ?? randomId('00', 40);
    const tenant = createOktaTenant(
      {
        name,
        baseUrl: url,
        apiToken,
        clock: clock.now,
        pushTimeoutMs: options.pushTimeoutMs ?? 5 * 60_000,
        stateTokenTtlMs: options.stateTokenTtlMs ?? 5 * 60_000,
        requireMfa: org.requireMfa ?? true,
      },
      org.rateLimits,
    );
    const users = org.users ?? [];
    seedOktaUsers(tenant.org, users);
    if (org.userVerification) oktaPushState(tenant.org).settings.userVerification = org.userVerification;
    oktaOrgs.set(name, tenant);
    return { name, url, apiToken, users: users.map((u) => ({ login: u.login, password: u.password })), ...oktaPushInfo(tenant.org) };
  };

  const addAuth0Tenant = (name: string, tenantOptions: Auth0TenantOptions = {}): SimAuth0Info => {
    if (!NAME.test(name) || auth0Tenants.has(name)) throw new Error(`Auth0 tenant name "${name}" is invalid or taken.`);
    const url = `${server.origin}/auth0/${name}`;
    const config = {
      name,
      friendlyName: tenantOptions.friendlyName ?? `Traykey Simulator ${name}`,
      baseUrl: url,
      clientId: tenantOptions.clientId ?? randomId('', 32),
      clientSecret: tenantOptions.clientSecret ?? randomId('', 64),
      managementClientId: tenantOptions.managementClientId ?? randomId('', 32),
      managementClientSecret: tenantOptions.managementClientSecret ?? randomId('', 64),
      realm: tenantOptions.realm ?? 'Username-Password-Authentication',
      clock: clock.now,
      mfaTokenTtlMs: options.mfaTokenTtlMs ?? 10 * 60_000,
      pushTimeoutMs: options.pushTimeoutMs ?? 5 * 60_000,
      oobPollIntervalMs: options.oobPollIntervalMs ?? 5_000,
      requireMfa: tenantOptions.requireMfa ?? true,
    };
    const tenant = createAuth0Tenant(config, tenantOptions.rateLimits);
    const users = tenantOptions.users ?? [];
    seedAuth0Users(tenant.state, users);
    auth0Tenants.set(name, tenant);
    return {
      name,
      url,
      clientId: config.clientId,
      clientSecret: config.clientSecret,
      managementClientId: config.managementClientId,
      managementClientSecret: config.managementClientSecret,
      managementAudience: tenant.state.managementAudience,
      realm: config.realm,
      users: users.map((u) => ({ login: u.email, email: u.email, username: u.username, password: u.password })),
    };
  };

  const okta = addOktaOrg('demo', { users: defaultOktaUsers, ...options.seed?.okta });
  const auth0 = addAuth0Tenant('demo', { users: defaultAuth0Users, ...options.seed?.auth0 });

  return {
    origin: server.origin,
    okta,
    auth0,
    faults: {
      add: (rule) => faults.add(rule),
      remove: (id) => faults.remove(id),
      clear: () => faults.clear(),
      list: () => faults.list(),
    },
    addOktaOrg,
    addAuth0Tenant,
    phone: {
      okta: (login, answer, org = 'demo') => {
        const tenant = oktaOrgs.get(org);
        return tenant !== undefined && answerOktaVerify(tenant.org, login, answer).status === 200;
      },
      guardian: (who, answer, tenantName = 'demo') => {
        const tenant = auth0Tenants.get(tenantName);
        return tenant !== undefined && answerGuardian(tenant.state, who, answer).status === 200;
      },
    },
    setRateLimits,
    advanceClock: (ms) => clock.advance(ms),
    state: {
      okta: (name = 'demo') => oktaOrgs.get(name)?.org,
      auth0: (name = 'demo') => auth0Tenants.get(name)?.state,
    },
    close: () => server.close(),
  };
}
