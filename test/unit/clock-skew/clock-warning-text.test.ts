import { describe, expect, it } from 'vitest';
import { clockWarningText } from '../../../renderer/clock/clock-warning-text';

const base = { source: 'time-source' as const, host: 'time.example', measuredAt: 0, thresholdMs: 15_000, appliedMs: 0, refused: false };

describe('the clock warning banner text', () => {
  it('says nothing before a measurement or within 15 s', () => {
    expect(clockWarningText(null)).toBeNull();
    expect(clockWarningText({ ...base, offsetMs: null, source: null, host: null, measuredAt: null, warning: false })).toBeNull();
    expect(clockWarningText({ ...base, offsetMs: 14_000, warning: false })).toBeNull();
  });

  it('says how far and which way the clock is off, whether codes are corrected, and what to do', () => {
    expect(clockWarningText({ ...base, offsetMs: 90_400, appliedMs: 90_400, warning: true })).toBe(
      'This computer’s clock is 90 s behind time.example. Traykey corrects its codes, but other apps may not: set the clock to update automatically.',
    );
    expect(clockWarningText({ ...base, offsetMs: -20_000, warning: true })).toMatch(/^This computer’s clock is 20 s ahead of time\.example\. Codes follow this computer’s clock until a second source agrees/);
  });

  it('calls a difference past the hard bound a problem that is not corrected', () => {
    expect(clockWarningText({ ...base, offsetMs: 86_400_000, warning: true, refused: true })).toMatch(/86400 s behind time\.example\. That is more than Traykey will correct/);
  });
});
