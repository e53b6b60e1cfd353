// Writes docs/policy.schema.json from the zod schema main validates policies with, so IT's tooling and
// Traykey read the same rules. `npm run policy:schema`; a test fails when the file is out of date.
import { writeFileSync } from 'node:fs';
import { policyJsonSchemaText } from '../../shared/policy/policy-json-schema';

writeFileSync(new URL('../../docs/policy.schema.json', import.meta.url), policyJsonSchemaText());
console.log('wrote docs/policy.schema.json');
