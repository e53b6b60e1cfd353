import { appError, isAppError } from '../../../shared/errors';
import { Auth0Management } from '../idp/auth0/management';
import { Auth0MfaApi } from '../idp/auth0/mfa-api';
import { connectAuth0Tenant } from '../idp/auth0/tenant';
import { Auth0TokenGrants } from '../idp/auth0/token-grants';
import type { IdpError } from '../idp/errors';
import type { ManagementUser } from '../idp/auth0/schemas';
import { isOrgWideFailure } from './fatal-errors';
import type { AdminProvider, FactorListing } from './admin-provider';
import type { Auth0Credentials } from './connection';
import type { EnrolRecord } from './enrol-record';
import type { OrgUser } from './ownership';
import type { ProviderHttpOptions } from './okta-provider';
import { orgServerNow } from '../clock-skew/skew-bounds';

/** Auth0's Guardian-compatible OTP: SHA1, 6 digits, 30 seconds. */
const OTP_DIGITS = 6;
const OTP_PERIOD = 30;

function orgUser(user: ManagementUser): OrgUser {
  return { id: user.user_id, logins: [user.email, user.username].filter((name): name is string => name !== undefined), ...(user.created_at ? { created: user.created_at } : {}) };
}

function noMfaPrompt(login: string) {
  return appError(
    'IDP_ERROR',
    `Auth0 signed ${login} in without asking for a second factor, so no factor can be enrolled: require Multi-factor Auth for the tenant (Security → Multi-factor Auth → Require Multi-factor Auth: Always).`,
  );
}

/**
 * Auth0: users are created with the Management API; the factor is enrolled the way a user would,
 * by signing in with the password grant, associating an OTP authenticator with the mfa_token and
 * confirming it with the mfa-otp grant. Signing in again and answering the challenge is the verification.
 */
export function createAuth0Provider(target: { url: string; name: string; auth0: Auth0Credentials }, options: ProviderHttpOptions = {}): AdminProvider {
  const now = options.now ?? Date.now;
  const http = connectAuth0Tenant(target.url, options);
  const { auth0 } = target;
  const app = { clientId: auth0.appClientId, ...(auth0.appClientSecret ? { clientSecret: auth0.appClientSecret } : {}) };
  const managementHttp = auth0.managementUrl ? connectAuth0Tenant(auth0.managementUrl, options) : http;
  const management = new Auth0Management(managementHttp, { clientId: auth0.managementClientId, clientSecret: auth0.managementClientSecret });
  const grants = new Auth0TokenGrants(http, app);
  const mfa = new Auth0MfaApi(http, app);
  /** mfa_tokens of this process, kept in memory only: they expire within minutes and are never recorded. */
  const mfaTokens = new Map<string, string>();

  const signIn = async (record: EnrolRecord, signal?: AbortSignal): Promise<string> => {
    if (record.password === undefined) throw appError('INVALID_INPUT', `Traykey has no password for ${record.login}, so it cannot sign in to enrol the factor.`);
    const result = await grants.password({ username: record.login, password: record.password, realm: auth0.realm }, signal);
    if (result.kind === 'tokens') throw noMfaPrompt(record.login);
    mfaTokens.set(record.login, result.mfaToken);
    return result.mfaToken;
  };
  const tokenFor = async (record: EnrolRecord, signal?: AbortSignal) => mfaTokens.get(record.login) ?? signIn(record, signal);

  return {
    kind: 'auth0',
    issuer: target.name,
    serverNow: () => orgServerNow(now(), http.clockSkewMs, http.host),

    async findUser(login, signal) {
      // An email-style login is looked up as an email, anything else as a username.
      const found = login.includes('@') ? await management.usersByEmail(login, signal) : await management.usersByUsername(login, signal);
      const user = found[0];
      return user ? orgUser(user) : undefined;
    },

    async getUser(userId, signal) {
      try {
        return orgUser(await management.user(userId, signal));
      } catch (error) {
        if (isAppError(error) && error.code === 'NOT_FOUND') return undefined;
        throw error;
      }
    },

    async createUser(record, signal) {
      if (record.password === undefined) throw appError('INVALID_INPUT', `Traykey has no password for ${record.login}; Auth0 users need one.`);
      return orgUser(await management.createUser({ connection: auth0.realm, email: record.email, password: record.password, emailVerified: true }, signal));
    },

    async enrolTotp(record, _fresh, signal) {
      const token = await signIn(record, signal);
      const association = await mfa.associateOtp(token, signal);
      const pending = (await mfa.listAuthenticators(token, signal)).filter((entry) => entry.authenticator_type === 'otp' && !entry.active);
      const factorId = pending.at(-1)?.id;
      if (!factorId) throw appError('IDP_ERROR', `Auth0 accepted the OTP enrolment of ${record.login} but does not list it: try again.`);
      const recoveryCode = association.recovery_codes?.[0];
      return { factorId, secret: association.secret.toUpperCase().replace(/=+$/, ''), digits: OTP_DIGITS, period: OTP_PERIOD, ...(recoveryCode ? { recoveryCode } : {}) };
    },

    async factorState(record, signal) {
      const found = (await mfa.listAuthenticators(await signIn(record, signal), signal)).find((entry) => entry.id === record.factorId);
      if (!found) return 'missing';
      return found.active ? 'active' : 'pending';
    },

    async activate(record, code, signal) {
      await grants.otp(await tokenFor(record, signal), code, signal);
      mfaTokens.delete(record.login);
    },

    async verify(record, code, signal) {
      await grants.otp(await signIn(record, signal), code, signal);
      mfaTokens.delete(record.login);
    },

    isFatal: isOrgWideFailure,

    isCodeRejected: (error) => isAppError(error) && error.providerCode === 'invalid_grant' && /otp/i.test((error as IdpError).providerSummary ?? ''),

    async listFactors(record, signal): Promise<FactorListing[]> {
      const list = await mfa.listAuthenticators(await signIn(record, signal), signal);
      return list.map((entry) => ({ id: entry.id, type: entry.authenticator_type, provider: entry.oob_channel ?? 'auth0', status: entry.active ? 'ACTIVE' : 'PENDING_ACTIVATION' }));
    },

    async resetFactor(record, factorId, signal) {
      await mfa.deleteAuthenticator(await signIn(record, signal), factorId, signal);
    },

    async deleteUser(userId, signal) {
      try {
        await management.deleteUser(userId, signal);
      } catch (error) {
        if (isAppError(error) && error.code === 'NOT_FOUND') return;
        throw error;
      }
    },
  };
}
