import type { ClockStatus } from '../../../shared/ipc/clock';
import { log } from '../log';
import type { Clock } from '../otp/clock';
import { AGREEMENT_MS, HARD_SKEW_BOUND_MS, SKEW_WARNING_MS } from './skew-bounds';

/** Smaller changes than this are noise of the one-second Date header, not worth an event. */
const NOTIFY_STEP_MS = 1_000;
/** Measurements older than this no longer count towards agreement. */
const FRESH_MS = 60 * 60_000;

export type SkewSource = NonNullable<ClockStatus['source']>;

interface Sample {
  offsetMs: number;
  source: SkewSource;
  host: string;
  measuredAt: number;
}

/**
 * Every server's latest measurement of this machine's clock, one per source and host. The code clock
 * shared by all accounts is corrected only when independent sources agree: the https time source and
 * at least one identity provider within AGREEMENT_MS, and never past HARD_SKEW_BOUND_MS. One org's
 * wrong Date header thus moves no other account's codes; its skew stays with that org's own work.
 */
export class SkewMonitor {
  private readonly samples = new Map<string, Sample>();
  private latest: Sample | undefined;
  private announced: ClockStatus | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly machineNow: () => number,
    private readonly onChange: () => void = () => undefined,
  ) {}

  record(offsetMs: number, source: SkewSource, host: string): void {
    if (!Number.isFinite(offsetMs)) return;
    const sample: Sample = { offsetMs: Math.round(offsetMs), source, host, measuredAt: this.machineNow() };
    this.samples.set(`${source} ${host}`, sample);
    this.latest = sample;
    this.clock.setOffset(this.agreedOffset() ?? 0);
    const status = this.status();
    const previous = this.announced;
    this.announced = status;
    const crossed = previous === undefined || previous.warning !== status.warning || previous.refused !== status.refused;
    if (crossed && status.warning) log.warn('clock differs from a server', { host, offsetMs: sample.offsetMs, source, appliedMs: status.appliedMs });
    if (crossed || Math.abs((previous.offsetMs ?? 0) - sample.offsetMs) >= NOTIFY_STEP_MS || previous.source !== source || previous.appliedMs !== status.appliedMs) this.onChange();
  }

  status(): ClockStatus {
    const latest = this.latest;
    return {
      offsetMs: latest?.offsetMs ?? null,
      source: latest?.source ?? null,
      host: latest?.host ?? null,
      measuredAt: latest?.measuredAt ?? null,
      thresholdMs: SKEW_WARNING_MS,
      warning: latest !== undefined && Math.abs(latest.offsetMs) > SKEW_WARNING_MS,
      appliedMs: this.clock.offset,
      refused: latest !== undefined && Math.abs(latest.offsetMs) > HARD_SKEW_BOUND_MS,
    };
  }

  /** The time source's offset when a fresh identity-provider measurement agrees with it, within the hard bound. */
  private agreedOffset(): number | undefined {
    const now = this.machineNow();
    const usable = [...this.samples.values()].filter((s) => now - s.measuredAt <= FRESH_MS && Math.abs(s.offsetMs) <= HARD_SKEW_BOUND_MS);
    const reference = usable.find((s) => s.source === 'time-source');
    if (!reference) return undefined;
    const agrees = usable.some((s) => s.source === 'identity-provider' && Math.abs(s.offsetMs - reference.offsetMs) <= AGREEMENT_MS);
    return agrees ? reference.offsetMs : undefined;
  }
}
