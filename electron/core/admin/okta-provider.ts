import { appError, isAppError } from '../../../shared/errors';
import type { HttpLogEvent } from '../idp/http/http-log';
import { ClockSkew } from '../idp/http/clock-skew';
import { RateGate } from '../idp/http/rate-gate';
import { defaultSleep } from '../idp/http/sleep';
import { OktaFactorsClient } from '../idp/okta/factors';
import { connectOktaOrg, type OktaHttpOptions } from '../idp/okta/org';
import type { OktaUser } from '../idp/okta/schemas';
import { OktaUsersClient } from '../idp/okta/users';
import { bytesToBase32 } from '../otp/base32';
import { isOrgWideFailure } from './fatal-errors';
import { orgServerNow } from '../clock-skew/skew-bounds';
import type { AdminProvider, EnrolledFactor, FactorListing, FactorState } from './admin-provider';
import type { OrgUser } from './ownership';

export interface ProviderHttpOptions {
  now?: () => number;
  sleep?: OktaHttpOptions['sleep'];
  fetch?: typeof fetch;
  log?: (event: HttpLogEvent) => void;
  timeoutMs?: number;
}

const TOTP = 'token:software:totp';

function orgUser(user: OktaUser): OrgUser {
  return { id: user.id, logins: [user.profile.login], ...(user.created ? { created: user.created } : {}) };
}

/**
 * Okta counts requests per endpoint family (creating users, reading one user, a user's factors),
 * each with its own budget and reset. One gate per family, all sharing the org's clock-skew estimate,
 * keeps each gate's "remaining" true to one bucket, so a busy family never lends budget to another.
 */
function familyClients(orgUrl: string, options: ProviderHttpOptions) {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const clock = new ClockSkew();
  const connect = () => connectOktaOrg(orgUrl, { ...options, now, sleep, clock, gate: new RateGate(now, sleep) }).admin;
  return { clock, create: connect(), user: connect(), factors: connect() };
}

export function createOktaProvider(target: { url: string; name: string; apiToken: string }, options: ProviderHttpOptions = {}): AdminProvider {
  const http = familyClients(target.url, options);
  const now = options.now ?? Date.now;
  const create = new OktaUsersClient(http.create, target.apiToken);
  const users = new OktaUsersClient(http.user, target.apiToken);
  const factors = new OktaFactorsClient(http.factors, target.apiToken);

  const listTotp = async (userId: string, factorProvider: string, signal?: AbortSignal) =>
    (await factors.list(userId, signal)).filter((factor) => factor.factorType === TOTP && factor.provider === factorProvider);

  /** Okta accepts a login or an id in the same place. */
  const readUser = async (loginOrId: string, signal?: AbortSignal): Promise<OrgUser | undefined> => {
    try {
      return orgUser(await users.getByLogin(loginOrId, signal));
    } catch (error) {
      if (isAppError(error) && error.code === 'NOT_FOUND') return undefined;
      throw error;
    }
  };

  const provider: AdminProvider = {
    kind: 'okta',
    issuer: target.name,
    serverNow: () => orgServerNow(now(), http.clock.skewMs, new URL(target.url).host),

    async findUser(login, signal) {
      const user = await readUser(login, signal);
      // Okta also matches the part of a login before "@": only the exact login is the same user.
      return user && user.logins[0]?.toLowerCase() === login.toLowerCase() ? user : undefined;
    },

    getUser: (userId, signal) => readUser(userId, signal),

    async createUser(record, signal) {
      const user = await create.create(
        {
          profile: { login: record.login, email: record.email, firstName: record.firstName, lastName: record.lastName },
          ...(record.password !== undefined ? { password: record.password } : {}),
          ...(record.groupIds.length > 0 ? { groupIds: record.groupIds } : {}),
          activate: true,
        },
        signal,
      );
      return orgUser(user);
    },

    async enrolTotp(record, fresh, signal) {
      if (!fresh) {
        for (const factor of await listTotp(record.userId, record.factorProvider, signal)) {
          if (factor.status === 'ACTIVE') {
            throw appError('IDP_ERROR', `${record.login} already has an active ${record.factorProvider} TOTP factor whose secret Traykey does not know: reset it with \`traykey admin okta reset-factor --login ${record.login}\`, then run again.`);
          }
          // A pending factor from an interrupted run whose secret was never recorded: reset it.
          await factors.delete(record.userId, factor.id, signal);
        }
      }
      const enrolment = await factors.enrollTotp(record.userId, record.factorProvider, signal);
      const secret = enrolment.encoding === 'base64' ? bytesToBase32(Buffer.from(enrolment.sharedSecret, 'base64')) : enrolment.sharedSecret.toUpperCase().replace(/=+$/, '');
      const factor: EnrolledFactor = { factorId: enrolment.factor.id, secret, digits: enrolment.digits, period: enrolment.timeStep };
      return factor;
    },

    async factorState(record, signal): Promise<FactorState> {
      const found = (await factors.list(record.userId, signal)).find((factor) => factor.id === record.factorId);
      if (!found) return 'missing';
      return found.status === 'ACTIVE' ? 'active' : 'pending';
    },

    async activate(record, code, signal) {
      // The factor's own path is the documented activation link, so no extra read is needed for it.
      await factors.activate(record.userId, { id: record.factorId, factorType: TOTP, provider: record.factorProvider }, code, signal);
    },

    async verify(record, code, signal) {
      const result = await factors.verify(record.userId, record.factorId, code, signal);
      if (result.factorResult !== 'SUCCESS') throw appError('IDP_ERROR', `Okta did not accept the first code of ${record.login} (${result.factorResult}).`);
    },

    isFatal: isOrgWideFailure,

    isCodeRejected: (error) => isAppError(error) && (error.providerCode === 'E0000068' || error.providerCode === 'E0000082'),

    async listFactors(record, signal): Promise<FactorListing[]> {
      return (await factors.list(record.userId, signal)).map((factor) => ({ id: factor.id, type: factor.factorType, provider: factor.provider, status: factor.status ?? 'UNKNOWN' }));
    },

    resetFactor: (record, factorId, signal) => factors.delete(record.userId, factorId, signal),

    async deleteUser(userId, signal) {
      try {
        await users.delete(userId, signal);
      } catch (error) {
        if (isAppError(error) && error.code === 'NOT_FOUND') return;
        throw error;
      }
    },
  };
  return provider;
}
