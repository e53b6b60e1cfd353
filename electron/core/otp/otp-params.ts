import type { OtpAccount } from '../../../shared/accounts';

/** The codes projection of an account: everything needed to compute its codes, and not its names. */
export type OtpParams = Omit<OtpAccount, 'issuer' | 'label'>;

export const DEFAULT_PERIOD = 30;
export const MAX_PERIOD = 86_400;
