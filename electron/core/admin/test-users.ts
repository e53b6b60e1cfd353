import { appError } from '../../../shared/errors';

/** Who to create: the login, and the profile fields both providers need. */
export interface TestUserSpec {
  login: string;
  email: string;
  firstName: string;
  lastName: string;
  /** An existing user's password (Auth0 signs them in to enrol); new users get a generated one. */
  password?: string;
}

export const MAX_USERS = 1000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DOMAIN = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i;

/** prefix-1@domain … prefix-N@domain. */
export function usersFromCount(count: number, prefix: string, domain: string): TestUserSpec[] {
  if (!Number.isInteger(count) || count < 1 || count > MAX_USERS) throw appError('INVALID_INPUT', `The number of users must be a whole number from 1 to ${MAX_USERS}.`, { field: 'count' });
  if (!/^[a-z0-9][a-z0-9._-]*$/i.test(prefix)) throw appError('INVALID_INPUT', 'The login prefix may only contain letters, digits, dots, dashes and underscores.', { field: 'prefix' });
  if (!DOMAIN.test(domain)) throw appError('INVALID_INPUT', `"${domain}" is not an email domain (like example.com).`, { field: 'domain' });
  return Array.from({ length: count }, (_, index) => {
    const login = `${prefix}-${index + 1}@${domain}`;
    return { login, email: login, firstName: 'Test', lastName: `${prefix} ${index + 1}` };
  });
}

/**
 * A CSV of users: one per line, `login[,firstName[,lastName]]`; a header line naming `login` is skipped.
 * A login without "@" gets `@domain`.
 */
export function usersFromCsv(text: string, domain: string | undefined): TestUserSpec[] {
  const users: TestUserSpec[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    const cells = line.split(',').map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'));
    const [first = '', firstName, lastName] = cells;
    if (first === '' || (index === 0 && first.toLowerCase() === 'login')) return;
    const login = first.includes('@') ? first : domain ? `${first}@${domain}` : first;
    if (!EMAIL.test(login)) {
      throw appError('INVALID_INPUT', `Line ${index + 1} of the CSV has "${first}", which is not an email-style login: give full logins, or the domain to add with --email-domain.`, { field: 'csv' });
    }
    users.push({ login, email: login, firstName: firstName || 'Test', lastName: lastName || login.split('@')[0]! });
  });
  if (users.length === 0) throw appError('INVALID_INPUT', 'The CSV names no users: put one login per line.', { field: 'csv' });
  if (users.length > MAX_USERS) throw appError('INVALID_INPUT', `The CSV names ${users.length} users; at most ${MAX_USERS} can be enrolled at once.`, { field: 'csv' });
  return users;
}
