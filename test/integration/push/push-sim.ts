import { afterAll, beforeAll } from 'vitest';
import { startSimulator, type SimHandle } from '../../sim';

export const LOGIN = 'bob@example.com';

/** One simulator for the suite (started before it, closed after) and the approver's password. */
export function suiteSimulator(): { sim: SimHandle; password: string } {
  const env = { sim: undefined as unknown as SimHandle, password: '' };
  beforeAll(async () => {
    env.sim = await startSimulator();
    env.password = env.sim.okta.users.find((u) => u.login === LOGIN)?.password ?? '';
  });
  afterAll(async () => {
    await env.sim.close();
  });
  return env;
}
