import { isoTime } from '../ids';
import type { AuthnTransaction, OktaFactor, OktaUser } from './model';
import type { OktaOrg } from './org';
import { activationView, authnUserView, factorProfile, link } from './views';

/** The factors a user may enrol during MFA_ENROLL. */
export const enrollableFactors = [
  { factorType: 'token:software:totp', provider: 'OKTA' },
  { factorType: 'token:software:totp', provider: 'GOOGLE' },
  { factorType: 'push', provider: 'OKTA' },
] as const;

const authnUrl = (org: OktaOrg, path: string): string => org.url(`/api/v1/authn${path}`);

function cancelLink(org: OktaOrg): Record<string, unknown> {
  return link(authnUrl(org, '/cancel'), ['POST']);
}

function prevLink(org: OktaOrg): Record<string, unknown> {
  return link(authnUrl(org, '/previous'), ['POST']);
}

function challengeFactor(org: OktaOrg, factor: OktaFactor): Record<string, unknown> {
  return { id: factor.id, factorType: factor.factorType, provider: factor.provider, vendorName: factor.provider, profile: factorProfile(org, factor) };
}

export interface TransactionExtras {
  factorResult?: 'WAITING' | 'REJECTED' | 'TIMEOUT';
}

/** One authn transaction as Okta shows it in its current state. */
export function transactionView(org: OktaOrg, tx: AuthnTransaction, user: OktaUser, extras: TransactionExtras = {}): Record<string, unknown> {
  const head = { stateToken: tx.stateToken, expiresAt: isoTime(tx.expiresAt), status: tx.status, ...extras };
  const factor = tx.factorId ? org.factors.get(tx.factorId) : undefined;
  switch (tx.status) {
    case 'SUCCESS':
      return { expiresAt: isoTime(tx.expiresAt), status: 'SUCCESS', sessionToken: tx.sessionToken, _embedded: { user: authnUserView(user) } };
    case 'MFA_REQUIRED':
      return {
        ...head,
        _embedded: {
          user: authnUserView(user),
          factors: org.userFactors(user.id).filter((f) => f.status === 'ACTIVE').map((f) => ({
            ...challengeFactor(org, f),
            _links: { verify: link(authnUrl(org, `/factors/${f.id}/verify`), ['POST']) },
          })),
        },
        _links: { cancel: cancelLink(org) },
      };
    case 'MFA_ENROLL':
      return {
        ...head,
        _embedded: {
          user: authnUserView(user),
          factors: enrollableFactors.map((f) => ({
            factorType: f.factorType,
            provider: f.provider,
            vendorName: f.provider,
            status: 'NOT_SETUP',
            enrollment: 'OPTIONAL',
            _links: { enroll: link(authnUrl(org, '/factors'), ['POST']) },
          })),
        },
        _links: { cancel: cancelLink(org) },
      };
    case 'MFA_ENROLL_ACTIVATE': {
      if (!factor) throw new Error('MFA_ENROLL_ACTIVATE without a factor');
      const isPush = factor.factorType === 'push';
      return {
        ...head,
        ...(isPush ? { factorResult: extras.factorResult ?? 'WAITING' } : {}),
        _embedded: {
          user: authnUserView(user),
          factor: { ...challengeFactor(org, factor), _embedded: { activation: activationView(org, factor) } },
        },
        _links: {
          next: isPush
            ? link(authnUrl(org, `/factors/${factor.id}/lifecycle/activate/poll`), ['POST'], { name: 'poll' })
            : link(authnUrl(org, `/factors/${factor.id}/lifecycle/activate`), ['POST'], { name: 'activate' }),
          cancel: cancelLink(org),
          prev: prevLink(org),
        },
      };
    }
    case 'MFA_CHALLENGE': {
      if (!factor) throw new Error('MFA_CHALLENGE without a factor');
      const verify = authnUrl(org, `/factors/${factor.id}/verify`);
      const waiting = extras.factorResult === 'WAITING';
      return {
        ...head,
        _embedded: { user: authnUserView(user), factor: challengeFactor(org, factor) },
        _links: {
          next: link(verify, ['POST'], { name: waiting ? 'poll' : 'verify' }),
          cancel: cancelLink(org),
          prev: prevLink(org),
          ...(factor.factorType === 'push' ? { resend: [link(`${verify}/resend`, ['POST'], { name: 'push' })] } : {}),
        },
      };
    }
  }
}
