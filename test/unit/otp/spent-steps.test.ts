import { describe, expect, it } from 'vitest';
import { markSpent, nextUnspentStep, spentStepOf } from '../../../electron/core/otp/spent-steps';

const PERIOD = 30;
const STEP = 56_666_666;
const at = (step: number, seconds = 0) => step * PERIOD * 1000 + seconds * 1000;

describe('spent time steps', () => {
  it('gives the current step when Traykey has not spent it', () => {
    expect(nextUnspentStep(at(STEP, 12), PERIOD, undefined)).toEqual({ step: STEP, usableFrom: at(STEP), waitMs: 0 });
    expect(nextUnspentStep(at(STEP, 12), PERIOD, STEP - 1)).toMatchObject({ step: STEP, waitMs: 0 });
  });

  it('gives the step after the last spent one, and how long until it is current', () => {
    expect(nextUnspentStep(at(STEP, 12), PERIOD, STEP)).toEqual({ step: STEP + 1, usableFrom: at(STEP + 1), waitMs: 18_000 });
    // Enrolment spends the activation step and the next one, ahead of the clock.
    expect(nextUnspentStep(at(STEP, 12), PERIOD, STEP + 1)).toEqual({ step: STEP + 2, usableFrom: at(STEP + 2), waitMs: 48_000 });
  });

  it('records the latest step per account and never goes back', () => {
    const doc: Record<string, unknown> = {};
    markSpent(doc, 'a', STEP);
    markSpent(doc, 'a', STEP - 3);
    markSpent(doc, 'b', 7);
    expect(spentStepOf(doc, 'a')).toBe(STEP);
    expect(spentStepOf(doc, 'b')).toBe(7);
    expect(spentStepOf({ spentSteps: 'damaged' }, 'a')).toBeUndefined();
  });
});
