import { appError } from '../../../shared/errors';
import { requireSecureTransport } from '../idp/http/transport-policy';
import type { DeviceInfo } from './device-info';
import type { UserVerifier } from '../capabilities';
import { createDeviceKey } from './device-keys';
import { deleteEnrolment, enrolDevice, patchUserVerificationKey } from './enrol';
import { discoverAuthenticator, discoverOrgEndpoints } from './org-discovery';
import { createOrgHttp, type PushHttpOptions } from './org-http';
import { signInForManageToken, type SignInMethod } from './oidc-signin';
import { normalizeOrgUrl, type StoredEnrolment } from './push-record';
import type { PushStore } from './push-store';

export interface FlowDeps {
  store: PushStore;
  http?: PushHttpOptions;
  device: DeviceInfo;
  now: () => number;
  /** The OS prompt that gates the user-verification key; absent where the platform has none. */
  verifier?: UserVerifier;
}

function orgUrlOf(input: string): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw appError('INVALID_INPUT', `${input} is not an Okta org address: give it as https://your-org.okta.com.`, { field: 'org' });
  }
  requireSecureTransport(url);
  return normalizeOrgUrl(input);
}

export function findEnrolment(store: PushStore, orgUrl: string): StoredEnrolment | undefined {
  const wanted = orgUrlOf(orgUrl);
  return store.enrolments().find((e) => normalizeOrgUrl(e.orgUrl) === wanted);
}

/**
 * Discovers the org's custom authenticator, signs the person in for a manage-scope token, enrols, and
 * saves the enrolment with its keys. The token lives only in this function.
 */
export async function enrolOrg(deps: FlowDeps, input: { orgUrl: string; clientId: string; signIn: SignInMethod }): Promise<StoredEnrolment> {
  const orgUrl = orgUrlOf(input.orgUrl);
  if (findEnrolment(deps.store, orgUrl)) throw appError('DUPLICATE', `This computer is already enrolled with ${orgUrl}: remove that enrolment first to enrol again.`, { field: 'org' });
  const http = createOrgHttp(orgUrl, { now: deps.now, ...deps.http });
  const authenticator = await discoverAuthenticator(http, input.clientId);
  if (authenticator.userVerification === 'REQUIRED' && !deps.verifier) {
    throw appError('UNSUPPORTED', `The org's policy requires user verification (such as Touch ID) for every approval, and Traykey cannot verify you on this computer, so it was not enrolled with ${orgUrl}.`, { field: 'org' });
  }
  const endpoints = await discoverOrgEndpoints(http);
  const manageToken = await signInForManageToken(http, endpoints, input.clientId, input.signIn);
  const enrolment = await enrolDevice({ http, endpoints, authenticator, clientId: input.clientId, manageToken, device: deps.device, now: deps.now(), withUserVerification: deps.verifier !== undefined });
  await deps.store.add(enrolment);
  return enrolment;
}

/** Deletes the enrolment on the server (after a fresh sign-in, as Okta asks for) and then here. */
export async function removeOrg(deps: FlowDeps, input: { orgUrl: string; signIn: SignInMethod }): Promise<StoredEnrolment> {
  const enrolment = findEnrolment(deps.store, input.orgUrl);
  if (!enrolment) throw appError('NOT_FOUND', `This computer is not enrolled with ${orgUrlOf(input.orgUrl)}.`, { field: 'org' });
  const http = createOrgHttp(enrolment.orgUrl, { now: deps.now, ...deps.http });
  const endpoints = await discoverOrgEndpoints(http);
  const manageToken = await signInForManageToken(http, endpoints, enrolment.clientId, input.signIn);
  await deleteEnrolment(http, enrolment.id, manageToken);
  await deps.store.remove(enrolment.id);
  return enrolment;
}

/**
 * Adds a user-verification key to an existing enrolment (after the OS verified the person once, so a
 * key is never enrolled that this machine cannot unlock) or removes it; Okta asks for a fresh sign-in.
 */
export async function setUserVerification(deps: FlowDeps, input: { orgUrl: string; enabled: boolean; signIn: SignInMethod }): Promise<StoredEnrolment> {
  const enrolment = findEnrolment(deps.store, input.orgUrl);
  if (!enrolment) throw appError('NOT_FOUND', `This computer is not enrolled with ${orgUrlOf(input.orgUrl)}.`, { field: 'org' });
  // Checked before the sign-in, so nobody signs in for a change that would do nothing.
  if (input.enabled && enrolment.userVerification) throw appError('DUPLICATE', `This computer's enrolment with ${enrolment.orgUrl} already has user verification.`, { field: 'org' });
  if (!input.enabled && !enrolment.userVerification) throw appError('NOT_FOUND', `This computer's enrolment with ${enrolment.orgUrl} has no user verification to remove.`, { field: 'org' });
  if (input.enabled && !deps.verifier) throw appError('UNSUPPORTED', 'Traykey cannot verify you on this computer (it offers Touch ID on macOS only), so it cannot add user verification.');
  if (input.enabled && deps.verifier) {
    const result = deps.verifier.isAvailable() ? await deps.verifier.verify('add user verification to your sign-in approvals') : 'temporarily-unavailable';
    if (result !== 'verified') throw appError('UNSUPPORTED', `${deps.verifier.name} did not confirm you, so user verification was not added.`);
  }
  const key = input.enabled ? await createDeviceKey() : null;
  const http = createOrgHttp(enrolment.orgUrl, { now: deps.now, ...deps.http });
  const endpoints = await discoverOrgEndpoints(http);
  const manageToken = await signInForManageToken(http, endpoints, enrolment.clientId, input.signIn);
  await patchUserVerificationKey(http, enrolment.id, manageToken, key);
  const { userVerification: _old, ...rest } = enrolment;
  const updated: StoredEnrolment = key ? { ...rest, userVerification: key } : rest;
  await deps.store.replace(updated);
  return updated;
}
