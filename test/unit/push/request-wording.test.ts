import { describe, expect, it } from 'vitest';
import { countdown, friendlyOs, orgLabel, relativeTime } from '../../../shared/push/request-wording';

describe('how a request reads', () => {
  it('names operating systems as people do, and says nothing for UNKNOWN', () => {
    expect(['MAC_OS_X', 'Mac OS X', 'macOS', 'WINDOWS', 'Windows 10', 'IOS', 'ANDROID', 'CHROME_OS', 'LINUX'].map(friendlyOs)).toEqual(['macOS', 'macOS', 'macOS', 'Windows', 'Windows', 'iOS', 'Android', 'ChromeOS', 'Linux']);
    expect(friendlyOs('UNKNOWN')).toBeNull();
    expect(friendlyOs(null)).toBeNull();
    expect(friendlyOs('Plan 9')).toBe('Plan 9');
  });

  it('says when relative to now', () => {
    const now = Date.UTC(2026, 11, 3, 10, 0, 0);
    expect(relativeTime(now - 5_000, now)).toBe('just now');
    expect(relativeTime(now - 120_000, now)).toBe('2 min ago');
    expect(relativeTime(now - 3 * 3_600_000, now)).toBe('3 h ago');
  });

  it('counts down as minutes and seconds, never below zero', () => {
    expect(countdown(292_000, 0)).toBe('4:52');
    expect(countdown(9_000, 0)).toBe('0:09');
    expect(countdown(0, 5_000)).toBe('0:00');
  });

  it('names the org by its name, else its host', () => {
    expect(orgLabel('Acme Corp', 'https://acme.okta.com')).toBe('Acme Corp');
    expect(orgLabel(null, 'https://acme.okta.com')).toBe('acme.okta.com');
  });
});
