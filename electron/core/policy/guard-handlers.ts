import type { Caller, Channel, Handlers } from '../../../shared/ipc';
import { featureOfChannel } from '../../../shared/policy/feature-channels';
import type { PolicyService } from './policy-service';

/**
 * Main refuses what the organisation switched off, whatever the renderer shows: a call of a switched-off
 * feature, and an approvals enrolment of an org the policy does not allow, never reach their handlers.
 */
export function guardByPolicy(handlers: Handlers, policy: Pick<PolicyService, 'assertOn' | 'assertPushOrgAllowed'>): Handlers {
  const guarded: Partial<Record<Channel, unknown>> = {};
  for (const [channel, handler] of Object.entries(handlers) as [Channel, (request: unknown, caller?: Caller) => Promise<unknown>][]) {
    const feature = featureOfChannel(channel);
    guarded[channel] = async (request: unknown, caller?: Caller) => {
      if (feature) policy.assertOn(feature);
      if (channel === 'push:enrol') policy.assertPushOrgAllowed((request as { org: string }).org);
      return handler(request, caller);
    };
  }
  return guarded as Handlers;
}
