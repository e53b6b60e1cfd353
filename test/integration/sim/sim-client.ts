import { startSimulator, type SimHandle, type SimulatorOptions } from '../../sim/index';
import { totpCode } from '../../sim/totp';

/** A simulator on a manual clock, and small HTTP helpers for its orgs and tenants. */
export interface SimFixture {
  sim: SimHandle;
  /** Current simulated time (ms). */
  now(): number;
  tick(ms: number): void;
  okta(method: string, path: string, body?: unknown, options?: { token?: string | null; headers?: Record<string, string> }): Promise<Reply>;
  auth0(method: string, path: string, body?: Record<string, unknown>, options?: { form?: boolean; bearer?: string }): Promise<Reply>;
  code(secret: string, offsetSteps?: number): string;
  /** A code that is wrong in every accepted time step. */
  wrongCode(secret: string): string;
}

export interface Reply {
  status: number;
  headers: Headers;
  body: unknown;
  // Convenience for assertions on objects.
  json: Record<string, unknown>;
}

export const START = Date.UTC(2026, 10, 23, 9, 0, 10);

export async function startFixture(options: Omit<SimulatorOptions, 'now'> = {}): Promise<SimFixture> {
  let t = START;
  const sim = await startSimulator({ ...options, now: () => t });
  const read = async (res: Response): Promise<Reply> => {
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = text;
    }
    const json = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
    return { status: res.status, headers: res.headers, body, json };
  };
  return {
    sim,
    now: () => t,
    tick: (ms) => {
      t += ms;
    },
    async okta(method, path, body, options = {}) {
      const token = options.token === undefined ? sim.okta.apiToken : options.token;
      const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/json', ...options.headers };
      if (token) headers.authorization = `SSWS ${token}`;
      const url = path.startsWith('http') ? path : `${sim.okta.url}${path}`;
      return read(await fetch(url, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}), redirect: 'manual' }));
    },
    async auth0(method, path, body, options = {}) {
      const headers: Record<string, string> = { accept: 'application/json' };
      if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
      let payload: string | undefined;
      if (body !== undefined) {
        if (options.form) {
          headers['content-type'] = 'application/x-www-form-urlencoded';
          payload = new URLSearchParams(Object.entries(body).map(([k, v]): [string, string] => [k, String(v)])).toString();
        } else {
          headers['content-type'] = 'application/json';
          payload = JSON.stringify(body);
        }
      }
      return read(await fetch(`${sim.auth0.url}${path}`, { method, headers, ...(payload !== undefined ? { body: payload } : {}) }));
    },
    code: (secret, offsetSteps = 0) => totpCode(secret, t + offsetSteps * 30_000),
    wrongCode: (secret) => {
      const good = new Set([-1, 0, 1].map((step) => totpCode(secret, t + step * 30_000)));
      let candidate = 0;
      while (good.has(String(candidate).padStart(6, '0'))) candidate++;
      return String(candidate).padStart(6, '0');
    },
  };
}
