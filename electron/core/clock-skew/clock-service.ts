import type { EventName } from '../../../shared/ipc';
import type { ClockStatus } from '../../../shared/ipc/clock';
import type { Clock } from '../otp/clock';
import type { SettingsStore } from '../settings/settings-store';
import { skewObservingFetch } from './skew-fetch';
import { SkewMonitor } from './skew-monitor';
import { measureTimeSource } from './time-source';

export interface ClockCheckOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** TEST ONLY: a time source used instead of the setting (a plain-http loopback server). */
  unsafeTestUrl?: string;
}

/** The core's clock checking: identity-provider Date headers as they come, the time source on demand. */
export class ClockSkewService {
  readonly monitor: SkewMonitor;
  /** Hand this to identity-provider clients (their `fetch` option). */
  readonly fetch: typeof fetch;

  constructor(
    clock: Clock,
    private readonly settings: Pick<SettingsStore, 'get'>,
    emit: (event: EventName) => void,
    private readonly options: ClockCheckOptions & { machineNow?: () => number } = {},
  ) {
    this.monitor = new SkewMonitor(clock, options.machineNow ?? Date.now, () => emit('clock:changed'));
    this.fetch = this.observing(options.fetch);
  }

  /** `inner` (default: the global fetch) reporting every answer's Date header to the monitor. */
  observing(inner?: typeof fetch): typeof fetch {
    return skewObservingFetch(this.monitor, { now: this.options.machineNow ?? Date.now, ...(inner ? { fetch: inner } : {}) });
  }

  status(): ClockStatus {
    return this.monitor.status();
  }

  async check(): Promise<ClockStatus> {
    const testUrl = this.options.unsafeTestUrl;
    const url = testUrl ?? (await this.settings.get()).timeSourceUrl;
    const { fetch, timeoutMs, machineNow } = this.options;
    const { offsetMs, host } = await measureTimeSource(url, {
      now: machineNow ?? Date.now,
      ...(fetch ? { fetch } : {}),
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    });
    this.monitor.record(offsetMs, 'time-source', host);
    return this.monitor.status();
  }
}
