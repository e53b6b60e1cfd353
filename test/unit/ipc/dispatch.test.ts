import { describe, expect, it } from 'vitest';
import { appError } from '../../../shared/errors';
import type { Handlers } from '../../../shared/ipc';
import { dispatch } from '../../../electron/core/ipc/dispatch';

function handlersWith(overrides: Partial<Handlers>): Handlers {
  return new Proxy(overrides, {
    get: (target, channel: string) => target[channel as keyof Handlers] ?? (async () => ({ reached: channel })),
  }) as Handlers;
}

describe('dispatch', () => {
  it('runs the handler with the validated request and returns its value', async () => {
    let seen: unknown;
    const handlers = handlersWith({
      'accounts:rename': async (request) => {
        seen = request;
        return { id: request.id, issuer: request.issuer, label: request.label, type: 'totp', algorithm: 'SHA1', digits: 6, period: 30, tags: [] };
      },
    });
    const result = await dispatch(handlers, 'accounts:rename', { id: 'a', issuer: 'I', label: 'L' });
    expect(result).toMatchObject({ ok: true, value: { id: 'a', label: 'L' } });
    expect(seen).toEqual({ id: 'a', issuer: 'I', label: 'L' });
  });

  it('applies the schema’s defaults before the handler sees the request', async () => {
    let seen: unknown;
    await dispatch(handlersWith({ 'accounts:add': async (request) => ((seen = request), {} as never) }), 'accounts:add', { issuer: '', label: 'x', secret: 'JBSWY3DP' });
    expect(seen).toMatchObject({ type: 'totp', algorithm: 'SHA1', digits: 6, period: 30 });
  });

  it('refuses an unknown channel without calling anything', async () => {
    const result = await dispatch(handlersWith({}), 'accounts:steal', {});
    expect(result).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: 'Unknown call "accounts:steal".' } });
  });

  it('refuses inherited names such as __proto__ or toString', async () => {
    for (const name of ['__proto__', 'toString', 'constructor']) expect((await dispatch(handlersWith({}), name, {})).ok).toBe(false);
  });

  it('refuses a payload that fails the contract, naming the field', async () => {
    const result = await dispatch(handlersWith({}), 'accounts:rename', { id: 'a', issuer: 'I', label: '' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'label' } });
    expect((await dispatch(handlersWith({}), 'accounts:list', { extra: true })).ok).toBe(false);
    expect((await dispatch(handlersWith({}), 'accounts:codes', { at: -1 })).ok).toBe(false);
  });

  it('returns an AppError as its data', async () => {
    const handlers = handlersWith({ 'accounts:delete': async () => Promise.reject(appError('NOT_FOUND', 'That account no longer exists.')) });
    expect(await dispatch(handlers, 'accounts:delete', { id: 'x' })).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'That account no longer exists.' } });
  });

  it('hides any other failure behind a generic INTERNAL sentence', async () => {
    const handlers = handlersWith({ 'accounts:list': async () => Promise.reject(new Error('secret JBSWY3DP leaked in a stack')) });
    const result = await dispatch(handlers, 'accounts:list', {});
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INTERNAL');
      expect(result.error.message).not.toContain('JBSWY3DP');
    }
  });
});
