import { z } from 'zod';
import { globToRegExp, methodMatches } from './http/glob';
import type { Clock } from './clock';

/** One Okta-style bucket: `limit` requests per `windowMs` for the requests its pattern matches. */
export const rateLimitRuleSchema = z.object({
  method: z.string().optional(),
  /** Glob over the path inside the org (`/api/v1/users/**`). */
  path: z.string().min(1),
  limit: z.number().int().min(0),
  windowMs: z.number().int().min(1).optional(),
});

export type RateLimitRule = z.infer<typeof rateLimitRuleSchema>;

export interface RateLimitVerdict {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Epoch seconds at which the window resets, as Okta's X-Rate-Limit-Reset. */
  reset: number;
}

interface Bucket {
  rule: RateLimitRule;
  regex: RegExp;
  windowStart: number;
  used: number;
}

/** Okta's defaults are per-minute buckets; these are in their spirit and every one is configurable. */
export const defaultOktaRateLimits: RateLimitRule[] = [
  { path: '/api/v1/authn/**', limit: 600 },
  { path: '/api/v1/authn', limit: 600 },
  { method: 'GET', path: '/api/v1/users/*', limit: 2000 },
  { path: '/api/v1/users/**', limit: 1200 },
  { path: '/api/v1/users', limit: 600 },
  { path: '/**', limit: 1200 },
];

export class RateLimiter {
  private readonly buckets: Bucket[];

  /** The first matching rule wins, so list specific buckets before catch-alls. */
  constructor(rules: RateLimitRule[], private readonly clock: Clock) {
    this.buckets = rules.map((rule) => ({ rule, regex: globToRegExp(rule.path), windowStart: 0, used: 0 }));
  }

  consume(method: string, path: string): RateLimitVerdict | undefined {
    const bucket = this.buckets.find((b) => methodMatches(b.rule.method, method) && b.regex.test(path));
    if (!bucket) return undefined;
    const now = this.clock();
    const windowMs = bucket.rule.windowMs ?? 60_000;
    if (now >= bucket.windowStart + windowMs) {
      bucket.windowStart = now;
      bucket.used = 0;
    }
    const reset = Math.ceil((bucket.windowStart + windowMs) / 1000);
    if (bucket.used >= bucket.rule.limit) {
      return { allowed: false, limit: bucket.rule.limit, remaining: 0, reset };
    }
    bucket.used++;
    return { allowed: true, limit: bucket.rule.limit, remaining: bucket.rule.limit - bucket.used, reset };
  }
}
