import { isoTime } from '../ids';
import type { OktaFactor, OktaUser } from './model';
import type { OktaOrg } from './org';

type Allow = 'GET' | 'POST' | 'DELETE' | 'PUT';

export function link(href: string, allow?: Allow[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...extra, href, ...(allow ? { hints: { allow } } : {}) };
}

const isoOrNull = (ms: number | null): string | null => (ms === null ? null : isoTime(ms));

/** The Users API representation, with the lifecycle links Okta shows for the user's status. */
export function userView(org: OktaOrg, user: OktaUser): Record<string, unknown> {
  const self = org.url(`/api/v1/users/${user.id}`);
  const links: Record<string, unknown> = { self: link(self) };
  if (user.status === 'STAGED' || user.status === 'PROVISIONED') links.activate = link(`${self}/lifecycle/activate`, ['POST']);
  if (user.status !== 'DEPROVISIONED') links.deactivate = link(`${self}/lifecycle/deactivate`, ['POST']);
  if (user.status === 'ACTIVE') links.resetFactors = link(`${self}/lifecycle/reset_factors`, ['POST']);
  return {
    id: user.id,
    status: user.status,
    created: isoTime(user.created),
    activated: isoOrNull(user.activated),
    statusChanged: isoOrNull(user.statusChanged),
    lastLogin: isoOrNull(user.lastLogin),
    lastUpdated: isoTime(user.lastUpdated),
    passwordChanged: isoOrNull(user.passwordChanged),
    type: { id: 'oty1simulatorDefault0' },
    profile: { ...user.profile },
    credentials: {
      ...(user.password ? { password: {} } : {}),
      provider: { type: 'OKTA', name: 'OKTA' },
    },
    _links: links,
  };
}

/** The user as embedded in an authn transaction. */
export function authnUserView(user: OktaUser): Record<string, unknown> {
  return {
    id: user.id,
    passwordChanged: isoOrNull(user.passwordChanged),
    profile: {
      login: user.profile.login,
      firstName: user.profile.firstName,
      lastName: user.profile.lastName,
      locale: 'en_US',
      timeZone: 'America/Los_Angeles',
    },
  };
}

export function factorProfile(org: OktaOrg, factor: OktaFactor): Record<string, unknown> {
  const user = org.users.get(factor.userId);
  if (factor.factorType === 'push') {
    return { credentialId: user?.profile.login ?? '', deviceType: 'SmartPhone_Android', name: 'Simulated phone', platform: 'ANDROID', version: '14' };
  }
  return { credentialId: user?.profile.login ?? '' };
}

export function qrLink(org: OktaOrg, factor: OktaFactor): Record<string, unknown> {
  return { href: org.url(`/api/v1/users/${factor.userId}/factors/${factor.id}/qr/${factor.qrToken}`), type: 'image/png' };
}

/** The activation object of a pending factor: TOTP secret, or Okta Verify's QR and expiry. */
export function activationView(org: OktaOrg, factor: OktaFactor, extra: Record<string, unknown> = {}): Record<string, unknown> {
  if (factor.factorType === 'push') {
    return { expiresAt: isoTime(factor.activationExpiresAt), ...extra, _links: { qrcode: qrLink(org, factor) } };
  }
  return {
    timeStep: 30,
    sharedSecret: factor.secret,
    encoding: 'base32',
    keyLength: factor.provider === 'GOOGLE' ? 16 : 6,
    _links: { qrcode: qrLink(org, factor) },
  };
}

/** The Factors API representation. */
export function factorView(org: OktaOrg, factor: OktaFactor, options: { withActivation?: boolean } = {}): Record<string, unknown> {
  const self = org.url(`/api/v1/users/${factor.userId}/factors/${factor.id}`);
  const links: Record<string, unknown> = {};
  if (factor.status === 'PENDING_ACTIVATION') {
    if (factor.factorType === 'push') links.poll = link(`${self}/lifecycle/activate/poll`, ['POST']);
    else links.activate = link(`${self}/lifecycle/activate`, ['POST']);
    links.self = link(self, ['GET']);
  } else {
    links.verify = link(`${self}/verify`, ['POST']);
    links.self = link(self, ['GET', 'DELETE']);
  }
  links.user = link(org.url(`/api/v1/users/${factor.userId}`), ['GET']);
  const view: Record<string, unknown> = {
    id: factor.id,
    factorType: factor.factorType,
    provider: factor.provider,
    vendorName: factor.provider,
    status: factor.status,
    created: isoTime(factor.created),
    lastUpdated: isoTime(factor.lastUpdated),
    profile: factorProfile(org, factor),
    _links: links,
  };
  if (options.withActivation && factor.status === 'PENDING_ACTIVATION') {
    view._embedded = {
      activation: activationView(org, factor, factor.factorType === 'push' ? { factorResult: 'WAITING' } : {}),
    };
  }
  return view;
}
