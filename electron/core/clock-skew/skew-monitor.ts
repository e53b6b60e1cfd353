import type { ClockStatus } from '../../../shared/ipc/clock';
import { log } from '../log';
import type { Clock } from '../otp/clock';

/** Past this difference codes are likely to be refused without correction, so the user is told. */
export const SKEW_WARNING_MS = 15_000;
/** Smaller changes than this are noise of the one-second Date header, not worth an event. */
const NOTIFY_STEP_MS = 1_000;

export type SkewSource = NonNullable<ClockStatus['source']>;

/**
 * The latest measurement of this machine's clock against a server's, applied to the core's Clock so
 * codes use the corrected time, and announced when it changes noticeably or crosses the warning line.
 */
export class SkewMonitor {
  private latest: { offsetMs: number; source: SkewSource; host: string; measuredAt: number } | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly machineNow: () => number,
    private readonly onChange: () => void = () => undefined,
  ) {}

  record(offsetMs: number, source: SkewSource, host: string): void {
    if (!Number.isFinite(offsetMs)) return;
    const previous = this.latest;
    this.latest = { offsetMs: Math.round(offsetMs), source, host, measuredAt: this.machineNow() };
    this.clock.setOffset(offsetMs);
    const crossed = previous === undefined || isWarning(previous.offsetMs) !== isWarning(offsetMs);
    if (crossed && isWarning(offsetMs)) log.warn('clock differs from a server', { host, offsetMs: Math.round(offsetMs), source });
    if (crossed || Math.abs(previous.offsetMs - offsetMs) >= NOTIFY_STEP_MS || previous.source !== source) this.onChange();
  }

  status(): ClockStatus {
    const latest = this.latest;
    return {
      offsetMs: latest?.offsetMs ?? null,
      source: latest?.source ?? null,
      host: latest?.host ?? null,
      measuredAt: latest?.measuredAt ?? null,
      thresholdMs: SKEW_WARNING_MS,
      warning: latest !== undefined && isWarning(latest.offsetMs),
    };
  }
}

function isWarning(offsetMs: number): boolean {
  return Math.abs(offsetMs) > SKEW_WARNING_MS;
}
