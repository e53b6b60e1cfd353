import fc from 'fast-check';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channels, contract, type Channel } from '../../shared/ipc';
import type { Result } from '../../shared/errors';
import { createCore, type Core } from '../../electron/core/app-core';
import { dispatch } from '../../electron/core/ipc/dispatch';
import { Vault } from '../../electron/core/vault/vault';
import { isKnownCode } from './typed-errors';
import { ManualTimers } from '../support/fake-timers';
import { suiteTempHome } from '../support/temp-home';

/*
 * Every call of the contract, through the same dispatch Electron's IPC uses, with arbitrary payloads:
 * the answer is always a Result, a failure always carries a known ErrorCode and a sentence, nothing
 * reaches the generic INTERNAL fallback, and no call hangs. The core is real (vault, settings,
 * accounts); the network is stubbed so no generated URL is ever contacted.
 */
const RUNS_PER_CHANNEL = 500;
/** Calls that do deliberate slow work when they succeed (pairing derives a key with scrypt): fewer runs fit the time. */
const SLOW_CHANNEL_RUNS: Partial<Record<Channel, number>> = { 'sync:pair': 60 };
const runsFor = (channel: Channel) => SLOW_CHANNEL_RUNS[channel] ?? RUNS_PER_CHANNEL;
const UNKNOWN_CHANNEL_RUNS = 2_000;
const CALL_LIMIT_MS = 3_000;
const PASSPHRASE = 'correct horse battery';

const folder = suiteTempHome('ipc-prop');

let home: string;
let core: Core;
let fetchCalls = 0;
let cases = 0;

beforeAll(async () => {
  vi.stubGlobal('fetch', async () => {
    fetchCalls += 1;
    throw new TypeError('fetch failed');
  });
  home = folder();
  const vault = await Vault.open({ home, keySource: { kind: 'passphrase', passphrase: PASSPHRASE }, unsafeTestScrypt: { N: 1024, r: 8, p: 1 } });
  core = createCore({ vault, home, watchVault: false, timers: new ManualTimers() });
  await dispatch(core.handlers, 'accounts:add', { issuer: 'Acme', label: 'bob', secret: 'JBSWY3DPEHPK3PXP' });
});

afterAll(async () => {
  core.close();
  vi.unstubAllGlobals();
});

const leaf = fc.oneof(
  fc.anything({ maxDepth: 2, maxKeys: 4 }),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constantFrom('', 'a', 'acme', 'JBSWY3DPEHPK3PXP', 'otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP', 'https://example.invalid', '__proto__', 'constructor', null, undefined, [], {}),
);

/** Payloads shaped like the channel's request (its keys, hostile values), and anything at all. */
function payloadFor(channel: Channel): fc.Arbitrary<unknown> {
  const schema = contract[channel].request as z.ZodType;
  const keys = schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
  const shaped = keys.length
    ? fc.tuple(fc.subarray(keys), fc.array(leaf, { minLength: keys.length, maxLength: keys.length }), fc.option(fc.dictionary(fc.string({ maxLength: 8 }), leaf, { maxKeys: 2 }))).map(([chosen, values, extra]) => {
        const out: Record<string, unknown> = { ...extra };
        chosen.forEach((key, i) => (out[key] = values[i]));
        return out;
      })
    : fc.constant({});
  return fc.oneof({ arbitrary: shaped, weight: 3 }, { arbitrary: fc.anything({ maxDepth: 3 }), weight: 1 });
}

async function callWithin(channel: string, payload: unknown): Promise<Result<unknown>> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${channel} did not answer within ${CALL_LIMIT_MS} ms`)), CALL_LIMIT_MS);
  });
  try {
    return await Promise.race([dispatch(core.handlers, channel, payload), hang]);
  } finally {
    clearTimeout(timer);
  }
}

function expectTypedResult(channel: string, payload: unknown, result: Result<unknown>): void {
  cases += 1;
  if (result.ok) return;
  const { code, message } = result.error;
  if (!isKnownCode(code) || code === 'INTERNAL' || message.trim() === '') {
    throw new Error(`${channel} answered ${code} "${message}" for ${JSON.stringify(payload)?.slice(0, 200)}`);
  }
}

describe('dispatch under arbitrary payloads', () => {
  it.each(channels.map((channel) => [channel]))('%s answers every payload with a typed Result', async (channel) => {
    await fc.assert(
      fc.asyncProperty(payloadFor(channel), async (payload) => {
        const result = await callWithin(channel, payload);
        expectTypedResult(channel, payload, result);
        // A generated vault:lock or a settings change must not starve the other cases of an open vault.
        if (!core.session.isOpen) await core.lock.unlock(PASSPHRASE);
      }),
      { numRuns: runsFor(channel) },
    );
  });

  it('refuses unknown channels with INVALID_INPUT', async () => {
    const name = fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'vault:status ', 'VAULT:STATUS'));
    await fc.assert(
      fc.asyncProperty(name.filter((value) => !channels.includes(value as Channel)), fc.anything({ maxDepth: 2 }), async (channel, payload) => {
        const result = await callWithin(channel, payload);
        expectTypedResult(channel, payload, result);
        expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      }),
      { numRuns: UNKNOWN_CHANNEL_RUNS },
    );
  });

  it('ran at least 20,000 cases against the real core, every fetch caught by the stub', () => {
    expect(cases).toBeGreaterThanOrEqual(Math.max(20_000, channels.reduce((sum, channel) => sum + runsFor(channel), 0) + UNKNOWN_CHANNEL_RUNS));
    // clock:check alone asks the (stubbed) time source once per valid payload.
    expect(fetchCalls).toBeGreaterThan(0);
  });
});
