import type { Router } from './router';
import type { SimReply, SimRequest } from './types';
import type { RateLimiter, RateLimitVerdict } from '../rate-limit';

/** What the server needs from an Okta org or Auth0 tenant to serve it. */
export interface Tenant {
  router: Router;
  rateLimiter?: RateLimiter;
  /** Adds the provider's rate-limit headers to a reply. */
  rateLimitHeaders(verdict: RateLimitVerdict): Record<string, string>;
  notFound(req: SimRequest): SimReply;
  methodNotAllowed(req: SimRequest): SimReply;
  malformedBody(): SimReply;
  rateLimited(verdict: RateLimitVerdict): SimReply;
  serverError(status: number): SimReply;
}
