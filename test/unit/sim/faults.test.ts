import { describe, expect, it } from 'vitest';
import { FaultInjector } from '../../sim/faults';
import { globToRegExp } from '../../sim/http/glob';

describe('simulator fault injector', () => {
  it('matches a rule by method and by either the full or the in-org path', () => {
    const faults = new FaultInjector();
    faults.add({ method: 'POST', path: '/api/v1/authn', kind: 'drop' });
    expect(faults.take('GET', '/okta/demo/api/v1/authn', '/api/v1/authn')).toEqual([]);
    expect(faults.take('POST', '/okta/demo/api/v1/authn', '/api/v1/authn')).toHaveLength(1);
    faults.clear();
    faults.add({ path: '/okta/acme/**', kind: 'status', status: 500 });
    expect(faults.take('GET', '/okta/demo/api/v1/users', '/api/v1/users')).toEqual([]);
    expect(faults.take('GET', '/okta/acme/api/v1/users', '/api/v1/users')).toHaveLength(1);
  });

  it('wears out after `times` uses and can be removed by id', () => {
    const faults = new FaultInjector();
    faults.add({ path: '/**', kind: 'latency', ms: 5, times: 2 });
    const id = faults.add({ path: '/**', kind: 'date-skew', skewMs: 1000 });
    expect(faults.take('GET', '/a', '/a')).toHaveLength(2);
    expect(faults.take('GET', '/a', '/a')).toHaveLength(2);
    expect(faults.take('GET', '/a', '/a').map((r) => r.kind)).toEqual(['date-skew']);
    expect(faults.remove(id)).toBe(true);
    expect(faults.list()).toEqual([]);
  });

  it('refuses an unknown kind', () => {
    expect(() => new FaultInjector().add({ path: '/', kind: 'explode' as never })).toThrow();
  });

  it('treats * as one segment and ** as any depth', () => {
    expect(globToRegExp('/api/v1/users/*').test('/api/v1/users/abc')).toBe(true);
    expect(globToRegExp('/api/v1/users/*').test('/api/v1/users/abc/factors')).toBe(false);
    expect(globToRegExp('/api/**').test('/api/v1/users/abc/factors')).toBe(true);
    expect(globToRegExp('/a.b').test('/aXb')).toBe(false);
  });
});
