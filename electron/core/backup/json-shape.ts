import { appError } from '../../../shared/errors';

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON.parse that fails with a sentence naming the file kind instead of a SyntaxError. */
export function parseJson(textValue: string, what: string): unknown {
  try {
    return JSON.parse(textValue);
  } catch {
    throw appError('INVALID_INPUT', `The ${what} is not valid JSON: the file is damaged or is not a ${what}.`);
  }
}

/** Reads a required object-valued member, or fails naming the member and the file kind. */
export function requireObject(parent: JsonObject, key: string, what: string): JsonObject {
  const value = parent[key];
  if (!isJsonObject(value)) throw appError('INVALID_INPUT', `The ${what} has no "${key}" object: the file is damaged or incomplete.`);
  return value;
}

export function requireString(parent: JsonObject, key: string, what: string): string {
  const value = parent[key];
  if (typeof value !== 'string') throw appError('INVALID_INPUT', `The ${what} has no "${key}" text field: the file is damaged or incomplete.`);
  return value;
}

export function requireArray(parent: JsonObject, key: string, what: string): unknown[] {
  const value = parent[key];
  if (!Array.isArray(value)) throw appError('INVALID_INPUT', `The ${what} has no "${key}" list: the file is damaged or incomplete.`);
  return value;
}

export function requireInteger(parent: JsonObject, key: string, what: string): number {
  const value = parent[key];
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw appError('INVALID_INPUT', `The ${what} has no whole-number "${key}" field: the file is damaged or incomplete.`);
  }
  return value;
}
