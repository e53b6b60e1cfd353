import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeErrors, openApiResponses } from './contracts';
import { startFixture, type Reply, type SimFixture } from './sim-client';

const validator = openApiResponses('okta/okta-management-users-factors.subset.yaml', '07');

let f: SimFixture;
beforeAll(async () => {
  f = await startFixture();
});
afterAll(async () => {
  await f.sim.close();
});

function expectMatches(reply: Reply, path: string, method: string): void {
  const validate = validator(path, method, reply.status);
  const ok = validate(reply.body);
  expect(ok, `${method} ${path} ${reply.status}: ${describeErrors(validate)}`).toBe(true);
}

const user = (login: string) => ({ profile: { firstName: 'C', lastName: 'T', email: login, login }, credentials: { password: { value: 'Sim-Passw0rd!' } } });

describe('simulated Okta Users and Factors API against the published OpenAPI subset', () => {
  it('has validators that reject bodies breaking the contract', () => {
    expect(validator('/api/v1/users/{id}', 'GET', 200)({ id: 'x', status: 'NOT_A_STATUS' })).toBe(false);
    expect(validator('/api/v1/users/{id}', 'GET', 404)({ errorCode: 7 })).toBe(false);
  });

  it('matches createUser, getUser, listUsers and their errors', async () => {
    const created = await f.okta('POST', '/api/v1/users?activate=true', user('contract@example.com'));
    expectMatches(created, '/api/v1/users', 'POST');
    expectMatches(await f.okta('POST', '/api/v1/users', user('contract@example.com')), '/api/v1/users', 'POST');
    expectMatches(await f.okta('POST', '/api/v1/users?activate=true', { profile: { login: 'nopass@example.com', email: 'nopass@example.com' } }), '/api/v1/users', 'POST');
    expectMatches(await f.okta('GET', `/api/v1/users/${created.json.id as string}`), '/api/v1/users/{id}', 'GET');
    expectMatches(await f.okta('GET', '/api/v1/users/nobody'), '/api/v1/users/{id}', 'GET');
    expectMatches(await f.okta('GET', '/api/v1/users?q=contract'), '/api/v1/users', 'GET');
    const activation = await f.okta('POST', `/api/v1/users/${created.json.id as string}/lifecycle/deactivate`);
    expect(activation.status).toBe(200);
    expectMatches(await f.okta('POST', `/api/v1/users/${created.json.id as string}/lifecycle/activate?sendEmail=false`), '/api/v1/users/{id}/lifecycle/activate', 'POST');
  });

  it('matches enrol, activate, list, get and verify for TOTP', async () => {
    const id = (await f.okta('POST', '/api/v1/users', user('contract.factor@example.com'))).json.id as string;
    for (const provider of ['GOOGLE', 'OKTA']) {
      const enrol = await f.okta('POST', `/api/v1/users/${id}/factors`, { factorType: 'token:software:totp', provider });
      expectMatches(enrol, '/api/v1/users/{userId}/factors', 'POST');
      expectMatches(await f.okta('GET', `/api/v1/users/${id}/factors`), '/api/v1/users/{userId}/factors', 'GET');
      const secret = (enrol.json._embedded as { activation: { sharedSecret: string } }).activation.sharedSecret;
      const activated = await f.okta('POST', `/api/v1/users/${id}/factors/${enrol.json.id as string}/lifecycle/activate`, { passCode: f.code(secret) });
      expectMatches(activated, '/api/v1/users/{userId}/factors/{factorId}/lifecycle/activate', 'POST');
      f.tick(30_000);
      expectMatches(await f.okta('POST', `/api/v1/users/${id}/factors/${enrol.json.id as string}/verify`, { passCode: f.code(secret) }), '/api/v1/users/{userId}/factors/{factorId}/verify', 'POST');
    }
  });

  it('matches push enrolment and the push verify transaction in every state', async () => {
    const id = (await f.okta('POST', '/api/v1/users', user('contract.push@example.com'))).json.id as string;
    const enrol = await f.okta('POST', `/api/v1/users/${id}/factors`, { factorType: 'push', provider: 'OKTA' });
    expectMatches(enrol, '/api/v1/users/{userId}/factors', 'POST');
    f.sim.phone.okta('contract.push@example.com', 'approve');
    const factorId = enrol.json.id as string;
    const verifyPath = `/api/v1/users/${id}/factors/${factorId}/verify`;
    for (const answer of ['approve', 'deny', undefined] as const) {
      const start = await f.okta('POST', verifyPath);
      expect(start.status).toBe(201);
      expectMatches(start, '/api/v1/users/{userId}/factors/{factorId}/verify', 'POST');
      const poll = (start.json._links as { poll: { href: string } }).poll.href;
      expectMatches(await f.okta('GET', poll), '/api/v1/users/{userId}/factors/{factorId}/transactions/{transactionId}', 'GET');
      if (answer) f.sim.phone.okta('contract.push@example.com', answer);
      else f.tick(10 * 60_000);
      expectMatches(await f.okta('GET', poll), '/api/v1/users/{userId}/factors/{factorId}/transactions/{transactionId}', 'GET');
    }
  });

  it('matches the rate-limit error', async () => {
    f.sim.faults.add({ path: '/api/v1/users/*', kind: 'rate-limit', times: 1 });
    const limited = await f.okta('GET', '/api/v1/users/alice@example.com');
    expect(limited.status).toBe(429);
    const validate = validator('/api/v1/users/{id}', 'GET', 404);
    expect(validate(limited.body), describeErrors(validate)).toBe(true);
  });
});
