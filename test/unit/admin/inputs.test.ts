import { describe, expect, it } from 'vitest';
import { connectionIdFor, normalizeOrgUrl } from '../../../electron/core/admin/connection';
import { generatePassword } from '../../../electron/core/admin/password';
import { usersFromCount, usersFromCsv } from '../../../electron/core/admin/test-users';
import { resultsCsv } from '../../../electron/cli/commands/admin-output';

describe('test-user inputs', () => {
  it('numbers logins from a prefix and a domain', () => {
    expect(usersFromCount(2, 'qa', 'example.com').map((user) => user.login)).toEqual(['qa-1@example.com', 'qa-2@example.com']);
  });

  it('reads a CSV with a header, names and bare logins completed with the domain', () => {
    const users = usersFromCsv('login,first,last\nann@example.com,Ann,Lee\nbob\n\n', 'corp.example');
    expect(users).toEqual([
      { login: 'ann@example.com', email: 'ann@example.com', firstName: 'Ann', lastName: 'Lee' },
      { login: 'bob@corp.example', email: 'bob@corp.example', firstName: 'Test', lastName: 'bob' },
    ]);
  });

  it('names the CSV line that is not a login', () => {
    expect(() => usersFromCsv('ann@example.com\nnot a login', undefined)).toThrow('Line 2 of the CSV has "not a login"');
  });

  it('refuses a count of zero and a domain that is not one', () => {
    expect(() => usersFromCount(0, 'qa', 'example.com')).toThrow('from 1 to 1000');
    expect(() => usersFromCount(1, 'qa', 'localhost')).toThrow('"localhost" is not an email domain');
  });
});

describe('connections', () => {
  it('normalises an org address and derives a stable id from it', () => {
    expect(normalizeOrgUrl('dev-1.okta.com/')).toBe('https://dev-1.okta.com');
    expect(connectionIdFor('okta', normalizeOrgUrl('https://Dev-1.okta.com'))).toBe('okta-dev-1-okta-com');
    expect(() => normalizeOrgUrl('ftp://x.example')).toThrow('it must start with https://');
  });
});

describe('generated passwords', () => {
  it('are 24 characters with every character class, and differ each time', () => {
    const a = generatePassword();
    expect(a).toHaveLength(24);
    expect(a).toMatch(/[a-z]/);
    expect(a).toMatch(/[A-Z]/);
    expect(a).toMatch(/[2-9]/);
    expect(a).toMatch(/[!#%+\-=?@^_]/);
    expect(generatePassword()).not.toBe(a);
  });

  it('never start with a character a spreadsheet reads as a formula', () => {
    for (let i = 0; i < 200; i += 1) expect(generatePassword()).toMatch(/^[A-Za-z0-9]/);
  });
});

describe('CSV results', () => {
  it('quotes cells, guards formulas, and adds secrets only when asked', () => {
    const results = [{ login: 'a@example.com', userId: 'u1', factorId: 'f1', ownership: 'created' as const, status: 'failed' as const, step: 'verify', error: '=bad, "really"', secret: 'ABC', password: '-pw' }];
    expect(resultsCsv(results, false)).toBe('login,userId,factorId,ownership,status,step,error\na@example.com,u1,f1,created,failed,verify,"\'=bad, ""really"""\n');
    expect(resultsCsv(results, true).split('\n')[1]).toBe('a@example.com,u1,f1,created,failed,verify,"\'=bad, ""really""",ABC,\'-pw,');
  });

  it('guards every cell a spreadsheet would evaluate, a chosen password and a tab-led login included', () => {
    const results = [{ login: '\t=cmd|calc', userId: '+1', factorId: '@SUM(A1)', ownership: 'created' as const, status: 'enrolled' as const, step: 'done', password: '=HYPERLINK("x")', secret: 'ABC' }];
    const row = resultsCsv(results, true).split('\n')[1] ?? '';
    expect(row).toBe(`'\t=cmd|calc,'+1,'@SUM(A1),created,enrolled,done,,ABC,"'=HYPERLINK(""x"")",`);
  });
});
