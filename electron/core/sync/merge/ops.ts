import { z } from 'zod';
import { isHlc } from './hlc';

const hlc = z.string().refine(isHlc, 'not a clock');
const id = z.string().min(1).max(200);
const deviceId = z.string().regex(/^[0-9a-z]{8,32}$/);

/** A JSON value an account field may hold. */
export type FieldValue = string | number | boolean | null | FieldValue[] | { [key: string]: FieldValue };
const fieldValue: z.ZodType<FieldValue> = z.lazy(() => z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(fieldValue), z.record(z.string(), fieldValue)]));

/**
 * One change, as devices write it to their logs. Every op carries the clock of the moment it was made;
 * merging is per register (one field of one account, an account's liveness, the manual order, a
 * device's membership) and the later clock wins, except HOTP counters, which take the maximum.
 */
export const syncOp = z.discriminatedUnion('k', [
  /** Sets fields of an account (all of them when it is new) and makes it live again if deleted earlier. */
  z.object({ k: z.literal('set'), t: hlc, a: id, f: z.record(z.string().max(64), fieldValue) }),
  z.object({ k: z.literal('del'), t: hlc, a: id }),
  /** Moves an account in the manual order: `p` sorts between its new neighbours' positions. */
  z.object({ k: z.literal('move'), t: hlc, a: id, p: z.string().regex(/^[0-9a-z]{1,200}$/) }),
  /** A device joins the group: its name and public keys (signing, key agreement; base64 DER). */
  z.object({ k: z.literal('member'), t: hlc, d: deviceId, name: z.string().max(200), sign: z.string().max(200), box: z.string().max(200) }),
  z.object({ k: z.literal('remove'), t: hlc, d: deviceId }),
]);
export type SyncOp = z.infer<typeof syncOp>;
