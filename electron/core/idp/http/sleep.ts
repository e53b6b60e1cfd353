import { setTimeout as delay } from 'node:timers/promises';
import type { Sleep } from './rate-gate';

/** Real waiting, cancellable; tests inject their own. */
export const defaultSleep: Sleep = (ms, signal) => delay(ms, undefined, signal ? { signal } : {});
