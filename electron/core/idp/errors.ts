import { AppError, type ErrorCode } from '../../../shared/errors';

/**
 * An identity-provider failure: the provider's own code and summary kept for programs and
 * support, the message written for a person. Never carries request or response secrets.
 */
export class IdpError extends AppError {
  readonly httpStatus?: number;
  readonly providerSummary?: string;

  constructor(data: { code: ErrorCode; message: string; providerCode?: string; providerSummary?: string; httpStatus?: number }) {
    super({ code: data.code, message: data.message, ...(data.providerCode !== undefined ? { providerCode: data.providerCode } : {}) });
    this.name = 'IdpError';
    if (data.httpStatus !== undefined) this.httpStatus = data.httpStatus;
    if (data.providerSummary !== undefined) this.providerSummary = data.providerSummary;
  }
}

export function networkError(host: string): IdpError {
  return new IdpError({
    code: 'NETWORK',
    message: `Could not reach ${host}: check the network connection and the org address, then try again.`,
  });
}

export function timeoutError(host: string, timeoutMs: number): IdpError {
  return new IdpError({
    code: 'TIMEOUT',
    message: `Could not reach ${host}: it did not answer within ${Math.round(timeoutMs / 1000)} s. Check the network connection and try again.`,
  });
}

export function malformedResponse(service: string, host: string, what: string, httpStatus?: number): IdpError {
  return new IdpError({
    code: 'IDP_ERROR',
    message: `${service} at ${host} answered ${what} with something Traykey does not understand: check that the address points at ${service}, or try again later.`,
    ...(httpStatus !== undefined ? { httpStatus } : {}),
  });
}

/**
 * One sentence for a code the org already accepted once (Okta E0000082; Auth0 says only "Invalid
 * otp_code."): the next code is usable when the current time step ends.
 */
export const CODE_NEXT_USABLE = 'the next code is usable when the current 30-second period ends.';
export const CODE_ALREADY_USED = `That code was already used, and each code works only once: ${CODE_NEXT_USABLE}`;
