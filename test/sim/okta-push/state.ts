import { randomUUID } from 'node:crypto';
import type { JWK } from 'jose';
import { randomId } from '../ids';
import type { OktaOrg } from '../okta/org';
import { OrgSigningKey } from './signing-key';

/** The custom authenticator's user-verification setting, carried by discovery and every challenge. */
export const USER_VERIFICATION = ['REQUIRED', 'PREFERRED', 'DISCOURAGED'] as const;
export type UserVerificationPolicy = (typeof USER_VERIFICATION)[number];

/** What an org lets scripts change at run time (PUT {org}/__sim/okta-push/settings). */
export interface OktaPushSettings {
  /** MyAccount off: every /idp/myaccount call answers 401 E0000015. */
  myAccountEnabled: boolean;
  /** The resource-owner password grant, for test orgs only. */
  passwordGrant: boolean;
  /** GET /oauth2/v1/authorize with a login_hint of an active user redirects at once (no form). */
  autoApproveLoginHint: boolean;
  /** Platforms the org accepts at enrolment; empty means any. */
  allowedPlatforms: string[];
  /** CIBA polling interval (s) the bc/authorize answer asks for. */
  cibaIntervalSeconds: number;
  /** How long a custom-authenticator challenge stays answerable (s). */
  challengeTtlSeconds: number;
  /** REQUIRED: only an APPROVED_USER_VERIFICATION answer signed with the enrolment's UV key approves. */
  userVerification: UserVerificationPolicy;
}

export interface AccessToken {
  userId: string;
  clientId: string;
  scopes: string[];
  expiresAt: number;
  /** Set for maintenance tokens: the enrolment whose key signed the assertion. */
  enrollmentId?: string;
}

export interface Enrollment {
  id: string;
  userId: string;
  createdAt: number;
  updatedAt: number;
  device: Record<string, unknown> & { id: string; clientInstanceId: string; platform: string };
  deviceKey: JWK;
  methodId: string;
  pushToken: string;
  proofOfPossession: JWK;
  userVerification?: JWK;
  transactionTypes: string[];
}

export type ChallengeAnswer = 'approved' | 'denied';

export interface Challenge {
  transactionId: string;
  enrollmentId: string;
  userId: string;
  nonce: string;
  createdAt: number;
  expiresAt: number;
  /** The signed JWT as the pending list hands it out. */
  jwt: string;
  transactionType: 'LOGIN' | 'CIBA';
  /** The demand the challenge carried (the authenticator's setting when it was made). */
  userVerification: UserVerificationPolicy;
  cibaRequestId?: string;
  answer?: ChallengeAnswer;
  /** How the device answered: its userConsent and the kind of key that signed it. */
  response?: { userConsent: string; keyType: 'proofOfPossession' | 'userVerification' };
  /** Spoiled copies (foreign key, expired claims…) are listed until expiresAt but can never be answered. */
  tampered?: boolean;
}

export interface CibaRequest {
  id: string;
  clientId: string;
  userId: string;
  scopes: string[];
  bindingMessage?: string;
  issuer: string;
  createdAt: number;
  expiresAt: number;
  intervalSeconds: number;
  lastPollAt: number;
  answer?: ChallengeAnswer;
  answeredBy?: string;
  redeemed?: boolean;
}

export interface AuthorizationCode {
  code: string;
  userId: string;
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  scopes: string[];
  issuer: string;
  nonce?: string;
  expiresAt: number;
}

/** Everything the custom-authenticator and CIBA side of one simulated org keeps. */
export class OktaPushState {
  readonly orgId = randomId('00o', 17);
  readonly audience = `okta.${randomUUID()}`;
  readonly authenticatorId = randomId('aut', 17);
  readonly oidcClientId = randomId('0oa', 17);
  readonly ciba = { clientId: randomId('0oa', 17), clientSecret: randomId('', 40), appName: 'Helpdesk verification' };
  /** Authorization servers by path id: `org` is the org server (`/oauth2/v1/…`). */
  readonly authServers = new Map<string, string>([
    ['org', randomId('aus', 17)],
    ['default', randomId('aus', 17)],
  ]);
  readonly settings: OktaPushSettings = {
    myAccountEnabled: true,
    passwordGrant: true,
    autoApproveLoginHint: false,
    allowedPlatforms: [],
    cibaIntervalSeconds: 5,
    challengeTtlSeconds: 300,
    userVerification: 'DISCOURAGED',
  };
  readonly signingKey = new OrgSigningKey();
  readonly accessTokens = new Map<string, AccessToken>();
  readonly enrollments = new Map<string, Enrollment>();
  readonly challenges = new Map<string, Challenge>();
  readonly cibaRequests = new Map<string, CibaRequest>();
  readonly codes = new Map<string, AuthorizationCode>();
  /** jti values of response JWTs and assertions already used. */
  readonly usedJtis = new Set<string>();

  constructor(readonly org: OktaOrg) {}

  now(): number {
    return this.org.now();
  }

  /** The issuer of an authorization server: the org URL for the org server. */
  issuer(server: string): string {
    return server === 'org' ? this.org.config.baseUrl : `${this.org.config.baseUrl}/oauth2/${server}`;
  }

  /** Path prefix of an authorization server's endpoints (`/oauth2/v1` or `/oauth2/default/v1`). */
  endpointPrefix(server: string): string {
    return server === 'org' ? '/oauth2/v1' : `/oauth2/${server}/v1`;
  }

  waitingChallenges(enrollmentId: string): Challenge[] {
    const now = this.now();
    return [...this.challenges.values()]
      .filter((c) => c.enrollmentId === enrollmentId && c.answer === undefined && now < c.expiresAt)
      .sort((a, b) => a.createdAt - b.createdAt);
  }
}

const states = new WeakMap<OktaOrg, OktaPushState>();

/** The org's custom-authenticator state, created on first use. */
export function oktaPushState(org: OktaOrg): OktaPushState {
  let state = states.get(org);
  if (!state) {
    state = new OktaPushState(org);
    states.set(org, state);
  }
  return state;
}
