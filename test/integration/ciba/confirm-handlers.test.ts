import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmHandlers } from '../../../electron/core/handlers/confirm';
import { startSimulator, type SimHandle } from '../../sim';
import { enrolDevice } from '../sim/okta-push-device';

const LOGIN = 'bob@example.com';
let sim: SimHandle;

beforeAll(async () => {
  sim = await startSimulator();
  await enrolDevice(sim.okta, LOGIN, sim.okta.users.find((user) => user.login === LOGIN)?.password ?? '');
});

afterAll(async () => {
  await sim.close();
});

describe('the confirm:okta and confirm:cancel handlers', () => {
  it('runs one request at a time, and cancelling ends the wait as cancelled', async () => {
    const handlers = confirmHandlers();
    const request = { orgUrl: sim.okta.url, login: LOGIN, clientId: sim.okta.ciba.clientId, clientSecret: sim.okta.ciba.clientSecret };
    const first = handlers['confirm:okta'](request);
    await expect(handlers['confirm:okta'](request)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(await handlers['confirm:cancel']({})).toEqual({ cancelled: true });
    expect(await first).toEqual({ result: 'cancelled' });
    expect(await handlers['confirm:cancel']({})).toEqual({ cancelled: false });
  });

  it('rejects a wrong client secret with a sentence that does not contain it', async () => {
    const handlers = confirmHandlers();
    const failure = await handlers['confirm:okta']({ orgUrl: sim.okta.url, login: LOGIN, clientId: sim.okta.ciba.clientId, clientSecret: 'wrong-secret-0815' }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    expect((failure as Error).message).not.toContain('wrong-secret-0815');
  });
});
