import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readContract } from './contracts';
import { startFixture, type Reply, type SimFixture } from './sim-client';
import { oktaErrorCatalogue } from '../../sim/okta/errors';

const schema = readContract<Record<string, unknown>>('okta/okta-authn.schema.json');
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(schema);
const id = schema.$id as string;
const validateTx = ajv.compile({ $ref: `${id}#/$defs/AuthnTransaction` });
const validateError = ajv.compile({ $ref: `${id}#/$defs/OktaError` });
const validateTotpActivation = ajv.compile({ $ref: `${id}#/$defs/TotpActivation` });

type DocExample = { section: string; http_status?: number | null; body: Record<string, unknown> };
const examples = readContract<{ examples: DocExample[] }>('okta/okta-authn-doc-examples.json').examples;
const catalogue = readContract<{ errors: { errorCode: string; statusCode: number; errorSummary: string }[] }>('okta/okta-error-codes.json').errors;

let f: SimFixture;
beforeAll(async () => {
  f = await startFixture({ pushTimeoutMs: 60_000 });
});
afterAll(async () => {
  await f.sim.close();
});

function expectTransaction(reply: Reply): Record<string, unknown> {
  expect(reply.status).toBe(200);
  expect(validateTx(reply.body), JSON.stringify(validateTx.errors)).toBe(true);
  return reply.json;
}

function expectOktaError(reply: Reply, code: string): void {
  expect(validateError(reply.body), JSON.stringify(validateError.errors)).toBe(true);
  const entry = catalogue.find((e) => e.errorCode === code);
  expect(reply.json.errorCode).toBe(code);
  expect(reply.status).toBe(entry?.statusCode);
  expect(reply.json.errorSummary).toBe(entry?.errorSummary);
}

/** The documented example of a state, found by status and (optionally) factorResult and section words. */
function docExample(status: string, factorResult: string | undefined, section: string): DocExample {
  const found = examples.find((e) => e.body.status === status && e.body.factorResult === factorResult && e.section.includes(section));
  if (!found) throw new Error(`No documented example for ${status}/${factorResult ?? '-'} in "${section}"`);
  return found;
}

const linkNames = (body: Record<string, unknown>) => Object.keys((body._links as Record<string, unknown> | undefined) ?? {}).sort();
const post = (path: string, body: Record<string, unknown>) => f.okta('POST', path, body, { token: null });

let fresh = 0;
/** A new user with no factors, so each test starts from MFA_ENROLL. */
async function freshLogin(): Promise<{ username: string; password: string }> {
  const login = `fresh${++fresh}@example.com`;
  await f.okta('POST', '/api/v1/users', { profile: { login, email: login }, credentials: { password: { value: 'Sim-Passw0rd!' } } });
  return { username: login, password: 'Sim-Passw0rd!' };
}

describe('simulated Okta Authentication API against the authn contract and documented examples', () => {
  it('has a schema that rejects a transaction in an unknown state', () => {
    expect(validateTx({ status: 'HALF_DONE' })).toBe(false);
  });

  it('shapes MFA_ENROLL, MFA_ENROLL_ACTIVATE (TOTP) and SUCCESS like the documentation', async () => {
    const enroll = expectTransaction(await post('/api/v1/authn', await freshLogin()));
    expect(enroll.status).toBe('MFA_ENROLL');
    expect(linkNames(enroll)).toEqual(linkNames(docExample('MFA_ENROLL', undefined, 'Factor enroll').body));
    const activate = expectTransaction(await post('/api/v1/authn/factors', { stateToken: enroll.stateToken, factorType: 'token:software:totp', provider: 'OKTA' }));
    expect(linkNames(activate)).toEqual(linkNames(docExample('MFA_ENROLL_ACTIVATE', undefined, 'Enroll Okta Verify TOTP Factor').body));
    const activation = ((activate._embedded as { factor: { _embedded: { activation: Record<string, unknown> } } }).factor._embedded.activation);
    expect(validateTotpActivation(activation)).toBe(true);
    const success = expectTransaction(await post(`/api/v1/authn/factors/${(activate._embedded as { factor: { id: string } }).factor.id}/lifecycle/activate`, { stateToken: enroll.stateToken, passCode: f.code(activation.sharedSecret as string) }));
    expect(Object.keys(success).sort()).toEqual(Object.keys(docExample('SUCCESS', undefined, 'Verify Push Factor').body).sort());
  });

  it('shapes push enrolment and push challenges (WAITING, REJECTED, TIMEOUT) like the documentation', async () => {
    const enroll = expectTransaction(await post('/api/v1/authn', await freshLogin()));
    const activate = expectTransaction(await post('/api/v1/authn/factors', { stateToken: enroll.stateToken, factorType: 'push', provider: 'OKTA' }));
    expect(linkNames(activate)).toEqual(linkNames(docExample('MFA_ENROLL_ACTIVATE', 'WAITING', 'Enroll Okta Verify Push Factor').body));

    const required = expectTransaction(await post('/api/v1/authn', { username: 'bob@example.com', password: 'Traykey-Demo-2' }));
    expect(required.status).toBe('MFA_REQUIRED');
    const verify = `/api/v1/authn/factors/${(required._embedded as { factors: { id: string }[] }).factors[0]?.id ?? ''}/verify`;
    const waiting = expectTransaction(await post(verify, { stateToken: required.stateToken }));
    expect(linkNames(waiting)).toEqual(linkNames(docExample('MFA_CHALLENGE', 'WAITING', 'Response example (waiting)').body));
    f.sim.phone.okta('bob@example.com', 'deny');
    const rejected = expectTransaction(await post(verify, { stateToken: required.stateToken }));
    expect(rejected.factorResult).toBe('REJECTED');
    expect(linkNames(rejected)).toEqual(linkNames(docExample('MFA_CHALLENGE', 'REJECTED', 'Response example (rejected)').body));
    expectTransaction(await post(verify, { stateToken: required.stateToken }));
    f.tick(60_000);
    expect(expectTransaction(await post(verify, { stateToken: required.stateToken })).factorResult).toBe('TIMEOUT');
  });

  it('answers errors with the catalogue codes, statuses and summaries', async () => {
    expectOktaError(await post('/api/v1/authn', { username: 'alice@example.com', password: 'bad' }), 'E0000004');
    expectOktaError(await post('/api/v1/authn/cancel', { stateToken: 'nope' }), 'E0000011');
    const tx = expectTransaction(await post('/api/v1/authn', await freshLogin()));
    expectOktaError(await post('/api/v1/authn/factors/x/verify', { stateToken: tx.stateToken }), 'E0000079');
  });
});

describe("the simulator's Okta error table", () => {
  it.each(Object.entries(oktaErrorCatalogue))('%s has the status and summary of Okta’s catalogue', (code, entry) => {
    const published = catalogue.find((e) => e.errorCode === code);
    expect(published).toBeDefined();
    expect(entry.status).toBe(published?.statusCode);
    expect(entry.summary).toBe(published?.errorSummary);
  });
});
