import { z } from 'zod';
import { appError, isAppError } from '../../../shared/errors';
import type { HttpClient } from '../idp/http/client';
import type { DeviceInfo } from './device-info';
import { createDeviceKey, publicJwk } from './device-keys';
import { MYACCOUNT_ACCEPT } from './org-http';
import type { AuthenticatorConfig, OrgEndpoints } from './org-discovery';
import { normalizeOrgUrl, type StoredEnrolment, type StoredJwk } from './push-record';

const EnrolmentAnswer = z.object({
  id: z.string().min(1),
  authenticatorId: z.string().min(1),
  device: z.object({ id: z.string().optional() }).loose().optional(),
  user: z.object({ id: z.string().min(1), username: z.string().optional() }).loose(),
  methods: z.object({
    push: z.object({ id: z.string().min(1), links: z.object({ pending: z.object({ href: z.string().min(1) }).loose() }).loose() }).loose(),
  }),
});

export interface EnrolInput {
  http: HttpClient;
  endpoints: OrgEndpoints;
  authenticator: AuthenticatorConfig;
  clientId: string;
  manageToken: string;
  device: DeviceInfo;
  now: number;
  /** Also enrol a user-verification key: only where the OS can verify the person before each use. */
  withUserVerification: boolean;
}

/**
 * Enrols this machine with the push method in pull mode: no device token, the real OS as platform,
 * LOGIN and CIBA transactions, and software P-256 keys whose private halves go only to the vault.
 */
export async function enrolDevice(input: EnrolInput): Promise<StoredEnrolment> {
  const proofOfPossession = await createDeviceKey();
  const clientInstance = await createDeviceKey();
  const userVerification = input.withUserVerification ? await createDeviceKey() : undefined;
  const { device } = input;
  const body = {
    authenticatorId: input.authenticator.authenticatorId,
    device: {
      clientInstanceKey: publicJwk(clientInstance),
      clientInstanceBundleId: device.clientInstanceBundleId,
      clientInstanceVersion: device.clientInstanceVersion,
      clientInstanceDeviceSdkVersion: device.clientInstanceDeviceSdkVersion,
      osVersion: device.osVersion,
      platform: device.platform,
      displayName: device.displayName,
      secureHardwarePresent: device.secureHardwarePresent,
    },
    methods: {
      push: {
        pushToken: '',
        keys: { proofOfPossession: publicJwk(proofOfPossession), ...(userVerification ? { userVerification: publicJwk(userVerification) } : {}) },
        capabilities: { transactionTypes: ['LOGIN', 'CIBA'] },
      },
    },
  };
  const answer = await input.http.send({
    method: 'POST',
    link: input.authenticator.enrollEndpoint,
    json: body,
    headers: { accept: MYACCOUNT_ACCEPT, authorization: `Bearer ${input.manageToken}` },
  });
  if (answer.status === 401 && (answer.body as { errorCode?: unknown } | undefined)?.errorCode === 'E0000015') {
    throw appError('IDP_ERROR', 'The Okta org has the MyAccount API turned off, so this computer cannot enrol: ask an admin to enable it (Settings → Features).', { providerCode: 'E0000015' });
  }
  if (answer.status === 400 || answer.status === 403) {
    const reason = input.http.errorFor(answer, { method: 'POST' });
    throw appError('IDP_ERROR', `The Okta org refused to enrol this ${device.platform} computer as a push authenticator (${reason.providerCode ?? `HTTP ${answer.status}`}): ask an admin whether the custom authenticator accepts desktop devices.`, {
      ...(reason.providerCode !== undefined ? { providerCode: reason.providerCode } : {}),
    });
  }
  if (answer.status < 200 || answer.status > 299) throw input.http.errorFor(answer, { method: 'POST' });
  const parsed = EnrolmentAnswer.safeParse(answer.body);
  if (!parsed.success) throw appError('IDP_ERROR', 'Okta answered the enrolment with something Traykey does not understand: check that the address points at an Okta Identity Engine org.');
  const enrolment = parsed.data;
  return {
    id: enrolment.id,
    orgUrl: normalizeOrgUrl(input.http.baseUrl),
    clientId: input.clientId,
    authenticatorId: enrolment.authenticatorId,
    ...(input.authenticator.name !== undefined ? { authenticatorName: input.authenticator.name } : {}),
    methodEnrollmentId: enrolment.methods.push.id,
    userId: enrolment.user.id,
    ...(enrolment.user.username !== undefined ? { username: enrolment.user.username } : {}),
    ...(enrolment.device?.id !== undefined ? { deviceId: enrolment.device.id } : {}),
    pendingHref: enrolment.methods.push.links.pending.href,
    tokenEndpoint: input.endpoints.tokenEndpoint,
    jwksUri: input.endpoints.jwksUri,
    proofOfPossession,
    ...(userVerification ? { userVerification } : {}),
    clientInstance,
    createdAt: input.now,
  };
}

/** Deletes the enrolment on the server; one already gone counts as removed. */
export async function deleteEnrolment(http: HttpClient, enrolmentId: string, manageToken: string): Promise<void> {
  try {
    await http.empty({
      method: 'DELETE',
      path: `/idp/myaccount/app-authenticators/${encodeURIComponent(enrolmentId)}`,
      headers: { accept: MYACCOUNT_ACCEPT, authorization: `Bearer ${manageToken}` },
    });
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') return;
    throw error;
  }
}

/** Sets or clears the enrolment's user-verification key at the org (merge patch; null removes it). */
export async function patchUserVerificationKey(http: HttpClient, enrolmentId: string, manageToken: string, key: StoredJwk | null): Promise<void> {
  const answer = await http.send({
    method: 'PATCH',
    path: `/idp/myaccount/app-authenticators/${encodeURIComponent(enrolmentId)}`,
    json: { methods: { push: { keys: { userVerification: key ? publicJwk(key) : null } } } },
    headers: { accept: MYACCOUNT_ACCEPT, authorization: `Bearer ${manageToken}`, 'content-type': 'application/merge-patch+json;okta-version=1.0.0' },
  });
  if (answer.status < 200 || answer.status > 299) throw http.errorFor(answer, { method: 'PATCH' });
}
