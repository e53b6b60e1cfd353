export type OktaUserStatus = 'STAGED' | 'PROVISIONED' | 'ACTIVE' | 'SUSPENDED' | 'DEPROVISIONED';

export interface OktaUserProfile {
  login: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  [key: string]: unknown;
}

export interface OktaUser {
  id: string;
  status: OktaUserStatus;
  created: number;
  activated: number | null;
  statusChanged: number | null;
  lastLogin: number | null;
  lastUpdated: number;
  passwordChanged: number | null;
  profile: OktaUserProfile;
  password: string | null;
  groupIds: string[];
}

export type OktaFactorType = 'token:software:totp' | 'push';
export type OktaFactorProvider = 'OKTA' | 'GOOGLE';

export interface OktaFactor {
  id: string;
  userId: string;
  factorType: OktaFactorType;
  provider: OktaFactorProvider;
  status: 'PENDING_ACTIVATION' | 'ACTIVE';
  created: number;
  lastUpdated: number;
  /** TOTP shared secret (base32); push factors have none. */
  secret: string | null;
  usedSteps: Set<number>;
  /** Path token of the activation QR image. */
  qrToken: string;
  activationExpiresAt: number;
}

/** Why a push prompt was sent: to sign in, to enrol Okta Verify, or a Factors API verify. */
export interface OktaPushData {
  factorId: string;
  purpose: 'activate' | 'verify';
  /** Set once a terminal result has been shown to the client, so the next verify sends a new push. */
  reported?: boolean;
}

export type AuthnStatus = 'MFA_ENROLL' | 'MFA_ENROLL_ACTIVATE' | 'MFA_REQUIRED' | 'MFA_CHALLENGE' | 'SUCCESS';

export interface AuthnTransaction {
  stateToken: string;
  userId: string;
  status: AuthnStatus;
  expiresAt: number;
  /** The factor being enrolled or challenged. */
  factorId?: string;
  pushId?: string;
  sessionToken?: string;
}

export interface OktaSession {
  id: string;
  userId: string;
  createdAt: number;
  expiresAt: number;
  amr: string[];
}
