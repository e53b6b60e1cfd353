import { contract, type Caller, type Channel, type Handlers } from '../../../shared/ipc';
import type { LockService } from './lock-service';

/** Wraps every handler so that a user's call postpones the idle lock, and a settings change applies at once. */
export function trackActivity(handlers: Handlers, lock: Pick<LockService, 'activity' | 'applySettings'>): Handlers {
  const wrapped: Partial<Record<Channel, unknown>> = {};
  for (const [channel, handler] of Object.entries(handlers) as [Channel, (request: unknown, caller?: Caller) => Promise<unknown>][]) {
    wrapped[channel] = async (request: unknown, caller?: Caller) => {
      if (contract[channel].passive !== true) lock.activity();
      const result = await handler(request, caller);
      if (channel === 'settings:set') await lock.applySettings();
      return result;
    };
  }
  return wrapped as Handlers;
}
