import type { VaultDocument } from '../vault/vault';
import { timeStep } from './codes';

/**
 * The last TOTP time step Traykey spent per account (enrolment, a sign-in, `code --spend`), kept in the
 * vault as `doc.spentSteps`: Okta and Auth0 accept each code once, so a spent step's code would be refused.
 */
function spentIn(doc: VaultDocument): Record<string, number> {
  const value = doc.spentSteps;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter((entry): entry is [string, number] => Number.isSafeInteger(entry[1])));
}

export function spentStepOf(doc: VaultDocument, accountId: string): number | undefined {
  return spentIn(doc)[accountId];
}

/** Records that `step` was spent; an earlier step never overwrites a later one. */
export function markSpent(doc: VaultDocument, accountId: string, step: number): void {
  const all = spentIn(doc);
  all[accountId] = Math.max(step, all[accountId] ?? step);
  doc.spentSteps = all;
}

export interface UnspentStep {
  step: number;
  /** Epoch ms from which the org takes the step's code as current. */
  usableFrom: number;
  /** 0 when the code is usable now. */
  waitMs: number;
}

/** The first time step at or after `at` that Traykey has not spent. */
export function nextUnspentStep(at: number, period: number, spent: number | undefined): UnspentStep {
  const current = timeStep(at, period);
  const step = spent !== undefined && spent >= current ? spent + 1 : current;
  const usableFrom = step * period * 1000;
  return { step, usableFrom, waitMs: Math.max(0, usableFrom - at) };
}
