import type { Handlers } from '../../../shared/ipc';
import type { PolicyService } from '../policy/policy-service';

export function policyHandlers(policy: PolicyService): Pick<Handlers, 'policy:status'> {
  return {
    'policy:status': async () => policy.current(),
  };
}
