import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type CliIo } from '../../../electron/cli/main';
import { startSimulator, type SimHandle } from '../../sim';
import { answerChallenge, enrolDevice, maintenanceToken, pendingChallenges, responseJwt, type TestDevice } from '../sim/okta-push-device';

const BOB = { login: 'bob@example.com', password: 'Traykey-Demo-2' };

let t = Date.UTC(2026, 10, 23, 10, 0, 0);
let sim: SimHandle;
let device: TestDevice;

beforeAll(async () => {
  sim = await startSimulator({ now: () => t });
  device = await enrolDevice(sim.okta, BOB.login, BOB.password);
});

afterAll(async () => {
  await sim.close();
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  sleeps: number[];
}

/** The device answering the newest pending challenge with a real response JWT, as an approver would. */
async function deviceAnswers(consent: 'APPROVED_CONSENT_PROMPT' | 'DENIED_CONSENT_PROMPT'): Promise<number> {
  const list = await pendingChallenges(device, await maintenanceToken(sim.okta, device, t));
  const challenge = list.body.at(-1)?.challenge ?? '';
  return answerChallenge(challenge, await responseJwt(sim.okta, device, challenge, t, { consent }));
}

/**
 * Runs `traykey confirm okta …` in-process on the simulator's clock: each pause moves time forward
 * (by `advance(ms)`, default the full pause) and then runs `onPause` with the pause number.
 */
async function confirm(args: string[], options: { onPause?: (n: number) => Promise<void>; advance?: (ms: number, n: number) => number; signal?: AbortSignal } = {}): Promise<Run> {
  const run: Run = { code: -1, stdout: '', stderr: '', sleeps: [] };
  const io: CliIo = {
    stdout: (text) => void (run.stdout += text),
    stderr: (text) => void (run.stderr += text),
    env: { OKTA_CLIENT_ID: sim.okta.ciba.clientId, OKTA_CLIENT_SECRET: sim.okta.ciba.clientSecret },
    ...(options.signal ? { signal: options.signal } : {}),
  };
  const sleep = async (ms: number, signal?: AbortSignal): Promise<void> => {
    signal?.throwIfAborted();
    run.sleeps.push(ms);
    t += options.advance ? options.advance(ms, run.sleeps.length) : ms;
    await options.onPause?.(run.sleeps.length);
    signal?.throwIfAborted();
  };
  run.code = await main(['confirm', 'okta', '--org', sim.okta.url, '--user', BOB.login, ...args], io, { now: () => t, sleep });
  return run;
}

describe('traykey confirm okta', () => {
  it('exits 0 and names who approved once the authenticator approves; --json adds the verified id token claims', async () => {
    const run = await confirm(['--message', 'Helpdesk call 4411', '--json'], { onPause: async (n) => void (n === 2 && (await deviceAnswers('APPROVED_CONSENT_PROMPT'))) });
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout) as { result: string; approvedBy: string; claims: Record<string, unknown> };
    expect(printed).toMatchObject({ result: 'approved', approvedBy: 'Bob Pushes (bob@example.com)', claims: { sub: device.userId, email: BOB.login, iss: sim.okta.url, aud: sim.okta.ciba.clientId } });
    expect(run.sleeps).toEqual([5_000, 5_000]);
    expect(run.stderr).toContain('Waiting for bob@example.com');
  });

  it('shows the binding message to the device and prints a plain sentence without --json', async () => {
    const run = await confirm(['--message', 'Reset MFA for ticket 72'], {
      onPause: async (n) => {
        if (n !== 1) return;
        const list = await pendingChallenges(device, await maintenanceToken(sim.okta, device, t));
        const claims = JSON.parse(Buffer.from((list.body[0]?.challenge ?? '').split('.')[1] ?? '', 'base64url').toString()) as { challengeContext: Record<string, unknown> };
        expect(claims.challengeContext).toMatchObject({ transactionType: 'CIBA', bindingMessage: 'Reset MFA for ticket 72' });
        await deviceAnswers('APPROVED_CONSENT_PROMPT');
      },
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('Approved by Bob Pushes (bob@example.com).\n');
  });

  it('uses a custom authorization server with --auth-server and verifies the id token against its issuer', async () => {
    const run = await confirm(['--auth-server', 'default', '--json'], { onPause: async (n) => void (n === 1 && (await deviceAnswers('APPROVED_CONSENT_PROMPT'))) });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ claims: { iss: `${sim.okta.url}/oauth2/default` } });
  });

  it('exits 1 with a sentence when the user denies', async () => {
    const run = await confirm([], { onPause: async (n) => void (n === 1 && (await deviceAnswers('DENIED_CONSENT_PROMPT'))) });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('bob@example.com denied the request.');
  });

  it('accepts an answer from the simulator itself (no response JWT) as well', async () => {
    const phone = async (n: number) => {
      if (n !== 1) return;
      const res = await fetch(`${sim.okta.url}/__sim/okta-push/answer`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: BOB.login, answer: 'approve' }) });
      expect(res.status).toBe(200);
    };
    expect((await confirm([], { onPause: phone })).code).toBe(0);
  });

  it('exits 1 when nobody answers before the request expires', async () => {
    const run = await confirm(['--expires-in', '30']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('The request expired before bob@example.com answered it.');
    expect(run.sleeps.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(30_000);
  });

  it('adds 5 s to the interval after a slow_down and keeps the longer interval', async () => {
    // The first pause is cut short, as a clock that runs fast would, so Okta sees a poll too soon.
    const run = await confirm([], {
      advance: (ms, n) => (n === 1 ? ms / 2 : ms),
      onPause: async (n) => void (n === 3 && (await deviceAnswers('APPROVED_CONSENT_PROMPT'))),
    });
    expect(run.code).toBe(0);
    expect(run.sleeps).toEqual([5_000, 10_000, 10_000]);
  });

  it('stops cleanly on Ctrl-C with a sentence', async () => {
    const controller = new AbortController();
    const run = await confirm([], { signal: controller.signal, onPause: async (n) => void (n === 2 && controller.abort()) });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Stopped waiting');
  });

  it('asks for the client credentials when they are not in the environment', async () => {
    let stderr = '';
    const code = await main(['confirm', 'okta', '--org', sim.okta.url, '--user', BOB.login], { stdout: () => undefined, stderr: (s) => void (stderr += s), env: {} });
    expect(code).toBe(1);
    expect(stderr).toContain('OKTA_CLIENT_ID and OKTA_CLIENT_SECRET');
  });

  it('reports a wrong client secret in one sentence without the secret', async () => {
    let stderr = '';
    const env = { OKTA_CLIENT_ID: sim.okta.ciba.clientId, OKTA_CLIENT_SECRET: 'not-the-secret' };
    const code = await main(['confirm', 'okta', '--org', sim.okta.url, '--user', BOB.login], { stdout: () => undefined, stderr: (s) => void (stderr += s), env });
    expect(code).toBe(1);
    expect(stderr).toMatch(/client ID or secret was rejected/);
    expect(stderr).not.toContain('not-the-secret');
  });
});
