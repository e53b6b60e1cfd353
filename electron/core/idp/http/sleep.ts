import { setTimeout as delay } from 'node:timers/promises';
import { timerDelay } from '../../../../shared/timer-delay';
import type { Sleep } from './rate-gate';

/** Real waiting, cancellable; tests inject their own. */
export const defaultSleep: Sleep = (ms, signal) => delay(timerDelay(ms), undefined, signal ? { signal } : {});
