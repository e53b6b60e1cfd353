import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../sim/rate-limit';

describe('simulator rate limiter', () => {
  it('counts down a bucket, refuses past the limit and refills when the window ends', () => {
    let t = 1_000_000;
    const limiter = new RateLimiter([{ path: '/api/v1/users', limit: 2, windowMs: 60_000 }], () => t);
    expect(limiter.consume('POST', '/api/v1/users')).toEqual({ allowed: true, limit: 2, remaining: 1, reset: 1060 });
    expect(limiter.consume('POST', '/api/v1/users')?.remaining).toBe(0);
    expect(limiter.consume('POST', '/api/v1/users')).toEqual({ allowed: false, limit: 2, remaining: 0, reset: 1060 });
    t += 60_000;
    expect(limiter.consume('POST', '/api/v1/users')?.allowed).toBe(true);
  });

  it('uses the first matching rule, by method and path glob', () => {
    const limiter = new RateLimiter(
      [
        { method: 'GET', path: '/api/v1/users/*', limit: 5 },
        { path: '/api/v1/users/**', limit: 1 },
      ],
      () => 0,
    );
    expect(limiter.consume('GET', '/api/v1/users/abc')?.limit).toBe(5);
    expect(limiter.consume('POST', '/api/v1/users/abc/factors')?.limit).toBe(1);
    expect(limiter.consume('GET', '/elsewhere')).toBeUndefined();
  });

  it('configures 600 requests a minute on /api/v1/users as the admin benchmark does', () => {
    const limiter = new RateLimiter([{ path: '/api/v1/users', limit: 600 }], () => 0);
    const verdicts = Array.from({ length: 601 }, () => limiter.consume('POST', '/api/v1/users'));
    expect(verdicts.filter((v) => v?.allowed)).toHaveLength(600);
    expect(verdicts[600]?.allowed).toBe(false);
  });
});
