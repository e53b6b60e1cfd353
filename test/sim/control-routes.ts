import { z } from 'zod';
import { Router } from './http/router';
import type { AdjustableClock } from './clock';
import { faultRuleSchema, type FaultInjector } from './faults';
import { rateLimitRuleSchema, type RateLimitRule } from './rate-limit';

const advanceSchema = z.object({ ms: z.number().int().min(0) });
const rateLimitsSchema = z.object({
  provider: z.enum(['okta', 'auth0']),
  name: z.string().default('demo'),
  rules: z.array(rateLimitRuleSchema),
});

export type SetRateLimits = (provider: 'okta' | 'auth0', name: string, rules: RateLimitRule[]) => boolean;

/** Server-wide control routes for scripts: faults and the clock. Only the simulator has these. */
export function createControlRouter(faults: FaultInjector, clock: AdjustableClock, setRateLimits: SetRateLimits): Router {
  const router = new Router();
  router.add('GET', '/__sim/health', () => ({ status: 200, json: { ok: true, now: new Date(clock.now()).toISOString() } }));
  router.add('GET', '/__sim/faults', () => ({ status: 200, json: faults.list() }));
  router.add('POST', '/__sim/faults', (req) => {
    const parsed = faultRuleSchema.safeParse(req.body);
    if (!parsed.success) return { status: 400, json: { error: 'bad_request', message: 'Send a fault rule: {"path", "kind", ...}.', issues: parsed.error.issues } };
    return { status: 201, json: { id: faults.add(parsed.data) } };
  });
  router.add('DELETE', '/__sim/faults', () => {
    faults.clear();
    return { status: 204 };
  });
  router.add('DELETE', '/__sim/faults/:id', (req) => (faults.remove(req.params.id ?? '') ? { status: 204 } : { status: 404, json: { error: 'not_found', message: 'No fault with that id.' } }));
  router.add('POST', '/__sim/clock/advance', (req) => {
    const parsed = advanceSchema.safeParse(req.body);
    if (!parsed.success) return { status: 400, json: { error: 'bad_request', message: 'Send {"ms": <non-negative integer>}.' } };
    clock.advance(parsed.data.ms);
    return { status: 200, json: { now: new Date(clock.now()).toISOString() } };
  });
  router.add('PUT', '/__sim/rate-limits', (req) => {
    const parsed = rateLimitsSchema.safeParse(req.body);
    if (!parsed.success) return { status: 400, json: { error: 'bad_request', message: 'Send {"provider": "okta" | "auth0", "name"?: "demo", "rules": [{"path", "limit", "method"?, "windowMs"?}]}.' } };
    const { provider, name, rules } = parsed.data;
    return setRateLimits(provider, name, rules) ? { status: 204 } : { status: 404, json: { error: 'not_found', message: `No ${provider} org or tenant named ${name}.` } };
  });
  return router;
}
