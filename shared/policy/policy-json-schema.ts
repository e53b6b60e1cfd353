import { z } from 'zod';
import { managedPolicySchema } from './policy-schema';

/** The policy's JSON Schema (draft 2020-12), as committed in docs/policy.schema.json. */
export function policyJsonSchemaText(): string {
  const schema = z.toJSONSchema(managedPolicySchema, { target: 'draft-2020-12' });
  return `${JSON.stringify(schema, null, 2)}\n`;
}
