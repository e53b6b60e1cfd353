import { z } from 'zod';
import { policyStatusSchema } from '../policy/policy-schema';
import { call } from './define';

export const policyCalls = {
  'policy:status': call({ passive: true, summary: 'The organisation’s policy in force, where it came from, and what was wrong with it.', request: z.object({}).strict(), response: policyStatusSchema }),
};
