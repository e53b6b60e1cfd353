import type { Caller, Channel, Handlers } from '../../../shared/ipc';
import { featureOfChannel } from '../../../shared/policy/feature-channels';
import type { PolicyService } from './policy-service';

/**
 * Main refuses what the organisation switched off, whatever the renderer shows: a call of a switched-off
 * feature never reaches its handler. (Which orgs may be enrolled for approvals is the enrolment's own
 * rule, asked by every way in: see push/approval-set-up.ts.)
 */
export function guardByPolicy(handlers: Handlers, policy: Pick<PolicyService, 'assertOn'>): Handlers {
  const guarded: Partial<Record<Channel, unknown>> = {};
  for (const [channel, handler] of Object.entries(handlers) as [Channel, (request: unknown, caller?: Caller) => Promise<unknown>][]) {
    const feature = featureOfChannel(channel);
    guarded[channel] = async (request: unknown, caller?: Caller) => {
      if (feature) policy.assertOn(feature);
      return handler(request, caller);
    };
  }
  return guarded as Handlers;
}
