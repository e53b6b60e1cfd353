export interface Auth0Authenticator {
  /** `totp|dev_…`, `push|dev_…`, `sms|dev_…`, `recovery-code|dev_…` as Auth0 names them. */
  id: string;
  authenticatorType: 'otp' | 'oob' | 'recovery-code';
  oobChannel?: 'auth0' | 'sms';
  /** Confirmed by a successful MFA grant; associate alone leaves it inactive. */
  active: boolean;
  secret?: string;
  usedSteps: Set<number>;
  phoneNumber?: string;
  createdAt: number;
}

export interface Auth0User {
  userId: string;
  email: string;
  username: string | null;
  password: string;
  emailVerified: boolean;
  connection: string;
  createdAt: number;
  updatedAt: number;
  authenticators: Auth0Authenticator[];
  recoveryCode: string | null;
}

export interface MfaToken {
  userId: string;
  expiresAt: number;
  scope: string | undefined;
}

/** An out-of-band transaction: a push or SMS challenge, or the enrolment of one. */
export interface OobTransaction {
  oobCode: string;
  userId: string;
  authenticatorId: string;
  purpose: 'enroll' | 'challenge';
  expiresAt: number;
  /** Push prompts wait on the simulated Guardian phone. */
  pushId?: string;
  /** SMS: the code sent to the phone, which the client sends back as binding_code. */
  bindingCode?: string;
  lastPollAt?: number;
}

export interface Auth0AccessToken {
  kind: 'user' | 'management';
  userId?: string;
  expiresAt: number;
  scope: string;
}
