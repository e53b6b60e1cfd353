import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'plist';
import { describe, expect, it } from 'vitest';
import { policyJsonSchemaText } from '../../../shared/policy/policy-json-schema';

const root = join(import.meta.dirname, '../../..');
const fixture = (name: string) => join(root, 'test/fixtures/policy', name);

describe('the published policy JSON Schema', () => {
  it('is the one generated from the schema main validates with (run npm run policy:schema after a change)', async () => {
    expect(await readFile(join(root, 'docs/policy.schema.json'), 'utf8')).toBe(policyJsonSchemaText());
  });

  it('accepts the recorded policies and rejects what main rejects', async () => {
    const ajv = new Ajv2020({ allErrors: true });
    addFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(policyJsonSchemaText()) as object);
    expect(validate(JSON.parse(await readFile(fixture('strict.json'), 'utf8')))).toBe(true);
    const { PayloadUUID: _uuid, ...fromPlist } = parse(await readFile(fixture('com.traykey.app.plist'), 'utf8')) as Record<string, unknown>;
    expect(validate(fromPlist)).toBe(true);
    expect(validate({ pushOrgs: [{ url: 'http://acme.okta.com', clientId: 'x' }] })).toBe(false);
    expect(validate({ disabledFeatures: ['teleport'] })).toBe(false);
    expect(validate({ minLockTimeoutMinutes: 0 })).toBe(false);
  });
});
