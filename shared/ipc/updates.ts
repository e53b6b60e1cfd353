import { z } from 'zod';
import { call } from './define';

/** `unsupported`: this copy never updates itself (a development run, a package manager's install); `off`: checks are switched off. */
export const updateStatusSchema = z.object({
  state: z.enum(['unsupported', 'off', 'idle', 'checking', 'up-to-date', 'downloading', 'ready', 'error']),
  /** One sentence for people: what is happening, or what went wrong and what to do. */
  message: z.string().max(400),
  version: z.string().max(64).optional(),
  percent: z.number().min(0).max(100).optional(),
  checkedAt: z.number().optional(),
});
export type UpdateStatus = z.infer<typeof updateStatusSchema>;

export const updatesCalls = {
  'updates:status': call({ passive: true, summary: 'Where updating stands: checking, downloading, ready to restart, or why not.', request: z.object({}).strict(), response: updateStatusSchema }),
  'updates:check': call({ summary: 'Check for an update now.', request: z.object({}).strict(), response: updateStatusSchema }),
  'updates:restart': call({ summary: 'Quit and install the downloaded update.', request: z.object({}).strict(), response: z.object({}) }),
};
