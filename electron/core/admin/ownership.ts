import { isAppError } from '../../../shared/errors';
import type { EnrolRecord } from './enrol-record';

/** A user as the org describes it: enough to tell whether it is still the one Traykey recorded. */
export interface OrgUser {
  id: string;
  /** Every name the user signs in with (Okta: the login; Auth0: the email and the username). */
  logins: string[];
  /** The org's creation time (ISO), when it gives one. */
  created?: string;
}

/**
 * How long after a create call was sent the org may have made the user: the request timeout, retries
 * and rate-limit waits of one call, with room to spare. A user created later was made by someone else.
 */
const CREATE_WINDOW_MS = 120_000;
/** Our estimate of the org's clock comes from Date headers, which have one-second resolution. */
const CLOCK_TOLERANCE_MS = 5_000;

function sameLogin(record: EnrolRecord, user: OrgUser): boolean {
  const login = record.login.toLowerCase();
  return user.logins.some((name) => name.toLowerCase() === login);
}

function sameInstant(a: string, b: string): boolean {
  const left = Date.parse(a);
  return !Number.isNaN(left) && left === Date.parse(b);
}

/**
 * True when `user` is the one Traykey's interrupted create call made: the call was sent, its answer
 * never seen, and the org created a user of that login in the moments after it was sent.
 */
export function madeByLostCreate(record: EnrolRecord, user: OrgUser): boolean {
  if (record.createSentAt === undefined || user.created === undefined || !sameLogin(record, user)) return false;
  const created = Date.parse(user.created);
  if (Number.isNaN(created)) return false;
  return created >= record.createSentAt - CLOCK_TOLERANCE_MS && created <= record.createSentAt + CREATE_WINDOW_MS;
}

/** True when the user is still as Traykey left it: the same id and login, and (where recorded) the same creation time. */
export function stillAsLeft(record: EnrolRecord, user: OrgUser): boolean {
  if (record.userId === undefined || user.id !== record.userId || !sameLogin(record, user)) return false;
  if (record.userCreated === undefined) return true;
  return user.created !== undefined && sameInstant(user.created, record.userCreated);
}

/**
 * True when the org answered a create call with a refusal (4xx: the login exists, bad input, rate
 * limited), so the call certainly made no user. Lost answers and server errors leave it open.
 */
export function isDefiniteRefusal(error: unknown): boolean {
  if (!isAppError(error)) return false;
  const status = (error as { httpStatus?: number }).httpStatus;
  return status !== undefined && status >= 400 && status < 500 && status !== 408;
}

/** The org's creation time as a record keeps it. */
export function createdField(user: OrgUser): Pick<EnrolRecord, 'userCreated'> {
  return user.created !== undefined ? { userCreated: user.created } : {};
}
