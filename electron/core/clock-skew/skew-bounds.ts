import { appError } from '../../../shared/errors';

/** Past this difference codes are likely to be refused without correction, so the user is told. */
export const SKEW_WARNING_MS = 15_000;
/**
 * No correction larger than this is applied to any code: a clock that far off is a problem to show,
 * and a server claiming it (one +1 day Date header) must not be able to move every account's codes.
 */
export const HARD_SKEW_BOUND_MS = 5 * 60_000;
/** Two sources agree when their offsets differ by less than this (Date has one-second resolution). */
export const AGREEMENT_MS = 5_000;

/**
 * An org's own time (machine time plus the skew its Date headers show) for that org's work, such as
 * its test users' codes; a skew past the hard bound is refused rather than applied.
 */
export function orgServerNow(machineNow: number, skewMs: number | undefined, host: string): number {
  const skew = skewMs ?? 0;
  if (Math.abs(skew) > HARD_SKEW_BOUND_MS) {
    const minutes = Math.round(Math.abs(skew) / 60_000);
    throw appError('CLOCK_SKEW', `This computer’s clock and ${host}’s differ by about ${minutes} min, more than the ${HARD_SKEW_BOUND_MS / 60_000} min Traykey will correct codes for: set this computer’s clock to update automatically, or check the org.`);
  }
  return machineNow + skew;
}
