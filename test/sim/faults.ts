import { z } from 'zod';
import { globToRegExp, methodMatches } from './http/glob';

/**
 * One injected misbehaviour. `path` is a glob matched against the full request path
 * (`/okta/demo/api/v1/authn`) and against the path inside the org or tenant (`/api/v1/authn`),
 * so `/api/v1/authn` hits every org and `/okta/acme/**` only one.
 */
export const faultRuleSchema = z.object({
  method: z.string().optional(),
  path: z.string().min(1),
  kind: z.enum(['latency', 'status', 'drop', 'malformed-json', 'rate-limit', 'date-skew']),
  /** latency: added delay; rate-limit: how far ahead the advertised reset is (default 60 000). */
  ms: z.number().int().min(0).optional(),
  /** status: the 5xx to answer with (default 503). */
  status: z.number().int().min(500).max(599).optional(),
  /** date-skew: how far the Date header is from the simulator's clock. */
  skewMs: z.number().int().optional(),
  /** How many matching requests to affect; unlimited when absent. */
  times: z.number().int().min(1).optional(),
});

export type FaultRule = z.infer<typeof faultRuleSchema>;
export type FaultKind = FaultRule['kind'];

interface ActiveFault {
  id: string;
  rule: FaultRule;
  regex: RegExp;
  remaining: number;
  hits: number;
}

export interface FaultInfo {
  id: string;
  rule: FaultRule;
  hits: number;
}

export class FaultInjector {
  private readonly faults: ActiveFault[] = [];
  private nextId = 1;

  add(rule: FaultRule): string {
    const parsed = faultRuleSchema.parse(rule);
    const id = `fault-${this.nextId++}`;
    this.faults.push({ id, rule: parsed, regex: globToRegExp(parsed.path), remaining: parsed.times ?? Infinity, hits: 0 });
    return id;
  }

  remove(id: string): boolean {
    const index = this.faults.findIndex((f) => f.id === id);
    if (index < 0) return false;
    this.faults.splice(index, 1);
    return true;
  }

  clear(): void {
    this.faults.length = 0;
  }

  list(): FaultInfo[] {
    return this.faults.map((f) => ({ id: f.id, rule: { ...f.rule }, hits: f.hits }));
  }

  /** The faults that apply to this request, consuming one use of each. */
  take(method: string, fullPath: string, innerPath: string): FaultRule[] {
    const hit: FaultRule[] = [];
    for (const fault of [...this.faults]) {
      if (!methodMatches(fault.rule.method, method)) continue;
      if (!fault.regex.test(fullPath) && !fault.regex.test(innerPath)) continue;
      fault.hits++;
      fault.remaining--;
      hit.push(fault.rule);
      if (fault.remaining <= 0) this.remove(fault.id);
    }
    return hit;
  }
}
