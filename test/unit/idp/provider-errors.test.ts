import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OKTA_ERROR_ADVICE, oktaErrorMapper } from '../../../electron/core/idp/okta/errors';
import { auth0ErrorMapper } from '../../../electron/core/idp/auth0/errors';

const contract = (path: string) => readFileSync(new URL(`../../contracts/${path}`, import.meta.url), 'utf8');
const oktaSelected = JSON.parse(contract('okta/okta-error-codes.selected.json')) as {
  errors: { errorCode: string; errorSummary: string; statusCode: number }[];
};
const auth0Catalogue = JSON.parse(contract('auth0/auth0-mfa-errors.json')) as {
  errors: { case: string; body?: { error: string; error_description: string }; bodies?: { error: string; error_description: string }[] }[];
};

const answer = (status: number, body: unknown, secrets: string[] = []) => ({ status, body, host: 'acme.okta.com', secrets });

describe('Okta errors', () => {
  it('has advice for every code in the selected catalogue, keeping code and summary', () => {
    expect(oktaSelected.errors.length).toBeGreaterThan(0);
    for (const entry of oktaSelected.errors) {
      expect(OKTA_ERROR_ADVICE[entry.errorCode], entry.errorCode).toBeDefined();
      const error = oktaErrorMapper('admin')(answer(entry.statusCode, { errorCode: entry.errorCode, errorSummary: entry.errorSummary, errorCauses: [] }));
      expect(error.providerCode).toBe(entry.errorCode);
      expect(error.providerSummary).toBe(entry.errorSummary);
      expect(error.httpStatus).toBe(entry.statusCode);
      expect(error.message.length).toBeGreaterThan(entry.errorSummary.length + 20);
      if (entry.statusCode === 429) expect(error.code).toBe('RATE_LIMITED');
    }
  });

  it('reads E0000011 as a bad API token in the admin APIs and an expired sign-in in authn', () => {
    const body = { errorCode: 'E0000011', errorSummary: 'Invalid token provided' };
    expect(oktaErrorMapper('admin')(answer(401, body)).message).toBe(
      'Invalid token provided. The API token was rejected: create a new one under Security → API → Tokens in the Okta Admin Console and enter it again.',
    );
    expect(oktaErrorMapper('authn')(answer(401, body)).message).toContain('start the sign-in again');
  });

  it('says once, without asking anyone to type, that a code was already used', () => {
    const error = oktaErrorMapper('authn')(answer(403, { errorCode: 'E0000082', errorSummary: 'Each code can only be used once. Please wait for a new code and try again.' }));
    expect(error.message).toBe('That code was already used, and each code works only once: the next code is usable when the current 30-second period ends.');
    expect(error.providerSummary).toContain('Each code can only be used once');
  });

  it('adds the error causes and hides secrets that a cause echoes', () => {
    const error = oktaErrorMapper('admin')(
      answer(400, { errorCode: 'E0000001', errorSummary: 'Api validation failed: login', errorCauses: [{ errorSummary: 'login: An object with this field already exists' }, { errorSummary: 'password: hunter2hunter2 is too common' }] }, ['hunter2hunter2']),
    );
    expect(error.message).toContain('login: An object with this field already exists');
    expect(error.message).not.toContain('hunter2hunter2');
    expect(error.code).toBe('INVALID_INPUT');
  });

  it('treats a body that is not an Okta error as a malformed answer', () => {
    const error = oktaErrorMapper('admin')(answer(502, '<html>Bad gateway</html>'));
    expect(error).toMatchObject({ code: 'IDP_ERROR', httpStatus: 502 });
    expect(error.message).toContain('does not understand');
  });
});

describe('Auth0 errors', () => {
  it('keeps the error string and description of every catalogued body and adds advice', () => {
    const bodies = auth0Catalogue.errors.flatMap((e) => [...(e.body ? [e.body] : []), ...(e.bodies ?? [])]);
    expect(bodies.length).toBeGreaterThan(5);
    for (const body of bodies) {
      const error = auth0ErrorMapper({ status: 403, body, host: 'tenant.auth0.com', secrets: [] });
      expect(error.providerCode).toBe(body.error);
      expect(error.providerSummary).toBe(body.error_description);
      expect(error.message).not.toMatch(/refused the request/);
    }
  });

  it('gives different advice for a wrong code, a wrong binding code and an expired MFA step', () => {
    const map = (error: string, description: string) => auth0ErrorMapper({ status: 403, body: { error, error_description: description }, host: 't', secrets: [] }).message;
    expect(map('invalid_grant', 'Invalid otp_code.')).toBe('Invalid otp_code. The code is wrong, or was already used and each code works only once: the next code is usable when the current 30-second period ends.');
    expect(map('invalid_grant', 'Invalid binding_code.')).toContain('code sent to the phone');
    expect(map('expired_token', 'mfa_token is expired')).toContain('sign in again');
    expect(map('too_many_requests', 'Rate limit exceeded. Please retry after some time.')).toContain('wait');
  });

  it('reads Management API errors too', () => {
    const error = auth0ErrorMapper({ status: 409, body: { statusCode: 409, error: 'Conflict', message: 'The user already exists.', errorCode: 'auth0_idp_error' }, host: 't', secrets: [] });
    expect(error).toMatchObject({ providerCode: 'auth0_idp_error', providerSummary: 'The user already exists.', httpStatus: 409 });
  });
});
