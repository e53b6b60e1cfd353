import type { Channel, Handlers } from '../../../shared/ipc';
import type { LockService } from './lock-service';

/**
 * Calls the renderer makes on its own (timers refreshing codes, reacting to events, polling) rather
 * than because the user did something; they must not keep an unattended vault open.
 */
export const PASSIVE_CHANNELS: ReadonlySet<string> = new Set<string>([
  'accounts:codes',
  'vault:status',
  'vault:lock',
  'settings:get',
  'push:pending',
  'push:enrolments',
  'deepLink:pending',
  'clock:status',
  'policy:status',
]);

/** Wraps every handler so that a user's call postpones the idle lock, and a settings change applies at once. */
export function trackActivity(handlers: Handlers, lock: Pick<LockService, 'activity' | 'applySettings'>): Handlers {
  const wrapped: Partial<Record<Channel, unknown>> = {};
  for (const [channel, handler] of Object.entries(handlers) as [Channel, (request: unknown) => Promise<unknown>][]) {
    wrapped[channel] = async (request: unknown) => {
      if (!PASSIVE_CHANNELS.has(channel)) lock.activity();
      const result = await handler(request);
      if (channel === 'settings:set') await lock.applySettings();
      return result;
    };
  }
  return wrapped as Handlers;
}
