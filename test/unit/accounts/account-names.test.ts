import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountsNamed, displayName, matchesQuery } from '../../../shared/account-names';

const account = (issuer: string, label: string) => ({ issuer, label });

// Letters whose case and accents fold one to one (no ß → SS, no ligatures), plus separators people type.
const letter = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéèêëÉÈàâäÄçÇîïôöÖùûüÜñÑ0123456789'.split(''));
const word = fc.array(letter, { minLength: 1, maxLength: 8 }).map((chars) => chars.join(''));
const text = fc.array(fc.oneof(word, fc.constantFrom(' ', '.', '@', '-')), { maxLength: 6 }).map((parts) => parts.join(''));
const named = fc.record({ issuer: text, label: text });

const withoutAccents = (s: string) => s.normalize('NFD').replace(/\p{Diacritic}/gu, '');
const swapCase = (s: string) => [...s].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');

describe('displayName', () => {
  it('is "Issuer (label)", or the label alone when there is no issuer', () => {
    expect(displayName(account('GitHub', 'alice'))).toBe('GitHub (alice)');
    expect(displayName(account('', 'alice@example.com'))).toBe('alice@example.com');
  });
});

describe('the search rule (popup filter and CLI alike)', () => {
  it('finds an account by any part of its issuer or label', () => {
    expect(matchesQuery(account('GitHub', 'alice'), 'hub')).toBe(true);
    expect(matchesQuery(account('GitHub', 'alice'), 'lic')).toBe(true);
    expect(matchesQuery(account('GitHub', 'alice'), 'bob')).toBe(false);
  });

  it('needs every word, in any order, each in the issuer or the label', () => {
    expect(matchesQuery(account('GitHub', 'alice'), 'alice github')).toBe(true);
    expect(matchesQuery(account('GitHub', 'alice'), 'alice gitlab')).toBe(false);
  });

  it('matches every account when the query has no words', () => {
    expect(matchesQuery(account('GitHub', 'alice'), '   ')).toBe(true);
  });

  it('ignores case and accents on both sides', () => {
    expect(matchesQuery(account('Société Générale', 'zoë'), 'societe ZOE')).toBe(true);
    expect(matchesQuery(account('Societe Generale', 'zoe'), 'SOCIÉTÉ zoë')).toBe(true);
  });

  it('property: any piece of the name, in any case, with or without accents, finds the account', () => {
    fc.assert(
      fc.property(named, fc.nat(), fc.nat(), fc.boolean(), fc.boolean(), (a, start, length, upper, plain) => {
        const name = `${a.issuer} ${a.label}`;
        const from = start % (name.length + 1);
        let piece = name.slice(from, from + (length % 12));
        if (upper) piece = swapCase(piece);
        if (plain) piece = withoutAccents(piece);
        return matchesQuery(a, piece);
      }),
      { numRuns: 500 },
    );
  });

  it('property: word order does not matter, and another word only narrows', () => {
    fc.assert(
      fc.property(named, word, word, (a, first, second) => {
        expect(matchesQuery(a, `${first} ${second}`)).toBe(matchesQuery(a, `${second} ${first}`));
        if (matchesQuery(a, `${first} ${second}`)) expect(matchesQuery(a, first)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('the account a CLI query names', () => {
  const accounts = [account('GitHub', 'alice'), account('GitLab', 'alice.smith'), account('', 'bob')];

  it('is every account the search rule matches', () => {
    expect(accountsNamed(accounts, 'git')).toEqual(accounts.slice(0, 2));
    expect(accountsNamed(accounts, 'SMITH')).toEqual([accounts[1]]);
  });

  it('is the account whose label or "issuer:label" is the query itself, when there is one', () => {
    expect(accountsNamed(accounts, 'Alice')).toEqual([accounts[0]]);
    expect(accountsNamed(accounts, 'gitlab:alice.smith')).toEqual([accounts[1]]);
    expect(accountsNamed(accounts, ':bob')).toEqual([accounts[2]]);
  });

  it('is none for an empty query', () => {
    expect(accountsNamed(accounts, '  ')).toEqual([]);
  });

  it('property: whatever the old CLI rule (one case-insensitive piece of the issuer or of the label) found is still found', () => {
    fc.assert(
      fc.property(fc.array(named, { minLength: 1, maxLength: 5 }), fc.nat(), fc.nat(), fc.nat(), (list, which, start, length) => {
        const target = list[which % list.length]!;
        const field = which % 2 === 0 ? target.issuer : target.label;
        const from = start % (field.length + 1);
        const query = swapCase(field.slice(from, from + 1 + (length % 10)));
        const oldRule = (a: { issuer: string; label: string }) => a.issuer.toLowerCase().includes(query.trim().toLowerCase()) || a.label.toLowerCase().includes(query.trim().toLowerCase());
        if (query.trim() === '' || list.some((a) => a.label.toLowerCase() === query.trim().toLowerCase())) return;
        const found = accountsNamed(list, query);
        for (const a of list.filter(oldRule)) expect(found).toContain(a);
      }),
      { numRuns: 500 },
    );
  });
});
