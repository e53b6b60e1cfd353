import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

/** The published API facts the simulator is checked against, kept in test/contracts with their sources. */
export const CONTRACTS = fileURLToPath(new URL('../../contracts/', import.meta.url));

export function readContract<T = unknown>(path: string): T {
  const text = readFileSync(`${CONTRACTS}${path}`, 'utf8');
  return (path.endsWith('.yaml') ? parse(text) : JSON.parse(text)) as T;
}

type OpenApi = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> }>> };

/**
 * Validators for an OpenAPI document's response bodies: `validator(path, method, status)` compiles
 * the operation's `application/json` schema with every `$ref` resolved inside the document.
 */
export function openApiResponses(file: string, draft: '2020' | '07'): (path: string, method: string, status: number) => ValidateFunction {
  const doc = readContract<OpenApi & Record<string, unknown>>(file);
  const ajv = draft === '2020' ? new Ajv2020({ strict: false, allErrors: true }) : new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const id = `urn:contract:${file}`;
  ajv.addSchema({ ...doc, $id: id }, id);
  const cache = new Map<string, ValidateFunction>();
  return (path, method, status) => {
    const key = `${method} ${path} ${status}`;
    const cached = cache.get(key);
    if (cached) return cached;
    const response = doc.paths[path]?.[method.toLowerCase()]?.responses[String(status)];
    if (!response?.content?.['application/json']?.schema) throw new Error(`The contract has no JSON schema for ${key}`);
    const pointer = `#/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}/${method.toLowerCase()}/responses/${status}/content/application~1json/schema`;
    const validate = ajv.compile({ $ref: `${id}${pointer}` });
    cache.set(key, validate);
    return validate;
  };
}

export function describeErrors(validate: ValidateFunction): string {
  return JSON.stringify(validate.errors ?? [], null, 1);
}
