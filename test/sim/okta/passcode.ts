import { checkTotp } from '../totp';
import type { SimReply } from '../http/types';
import { badPasscode, replayedPasscode } from './errors';
import type { OktaFactor } from './model';
import type { OktaOrg } from './org';

/** Checks a TOTP passCode against a factor; undefined when it is good (and now used up). */
export function rejectPasscode(org: OktaOrg, factor: OktaFactor, passCode: unknown): SimReply | undefined {
  if (factor.factorType !== 'token:software:totp' || !factor.secret || typeof passCode !== 'string') return badPasscode();
  const result = checkTotp({ secret: factor.secret, code: passCode, now: org.now(), usedSteps: factor.usedSteps });
  if (result.ok) return undefined;
  return result.reason === 'replayed' ? replayedPasscode() : badPasscode();
}
