import { z } from 'zod';
import { call } from './define';

export const clockStatus = z.object({
  /** Server time minus this machine's time, in ms; null before any measurement. */
  offsetMs: z.number().int().nullable(),
  source: z.enum(['identity-provider', 'time-source']).nullable(),
  /** The host the measurement came from. */
  host: z.string().nullable(),
  /** Epoch ms (machine time) of the measurement. */
  measuredAt: z.number().nullable(),
  /** Beyond this many ms of difference the user is warned. */
  thresholdMs: z.number().int(),
  warning: z.boolean(),
  /** The correction every account's codes use: non-zero only when the time source and an org agree. */
  appliedMs: z.number().int(),
  /** The difference is past the hard bound (5 min): never applied to codes, shown as a problem. */
  refused: z.boolean(),
});
export type ClockStatus = z.infer<typeof clockStatus>;

export const clockCalls = {
  'clock:status': call({ passive: true, summary: 'How far this machine’s clock is from the servers’, and whether that needs a warning.', request: z.object({}).strict(), response: clockStatus }),
  'clock:check': call({ summary: 'Measure the clock now against the configured https time source.', request: z.object({}).strict(), response: clockStatus }),
};
