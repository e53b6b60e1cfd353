import { appError, isAppError } from '../../../shared/errors';
import type { UpdateStatus } from '../../../shared/ipc/updates';
import type { Settings } from '../../../shared/ipc/settings';
import { SET_BY_ORGANISATION, type ManagedPolicy } from '../../../shared/policy/policy-schema';
import type { Timers } from '../capabilities';
import { INITIAL_UPDATE_STATUS, nextUpdateStatus, type UpdaterEvent } from './update-state';

/** What installs updates (electron-updater in the app); the core decides when and from which channel. */
export interface Updater {
  /** Looks for a newer release on `channel` and downloads it in the background; progress arrives as events. */
  check(channel: Settings['updateChannel']): Promise<void>;
  quitAndInstall(): void;
  onEvent(listener: (event: UpdaterEvent) => void): void;
}

/** Checks at start and every four hours: often enough for security fixes, rare enough to be unnoticed. */
export const UPDATE_CHECK_EVERY_MS = 4 * 60 * 60 * 1000;
/** The first check waits for the app to settle after start. */
export const FIRST_CHECK_AFTER_MS = 30_000;

const UNSUPPORTED = 'This copy of Traykey is not updated by itself: update it the way it was installed.';

/** Whether an automatic check is due. */
export function checkDue(now: number, lastCheckAt: number | undefined, everyMs: number = UPDATE_CHECK_EVERY_MS): boolean {
  return lastCheckAt === undefined || now - lastCheckAt >= everyMs;
}

export interface UpdateServiceOptions {
  /** Absent where this build cannot update itself (a development run, the CLI, a package manager's install). */
  updater?: Updater;
  settings: () => Promise<Settings>;
  policy: () => ManagedPolicy;
  timers: Timers;
  now: () => number;
  emit: () => void;
}

/** When to check for updates, what the person is told, and "Restart to update". */
export class UpdateService {
  private status: UpdateStatus = INITIAL_UPDATE_STATUS;
  private lastCheckAt: number | undefined;
  private timer: unknown;

  constructor(private readonly options: UpdateServiceOptions) {
    options.updater?.onEvent((event) => this.apply(event));
  }

  /** Schedules the automatic checks: the first shortly after start, then every few hours while allowed. */
  start(): void {
    this.schedule(FIRST_CHECK_AFTER_MS);
  }

  stop(): void {
    this.options.timers.clearTimeout(this.timer);
  }

  async current(): Promise<UpdateStatus> {
    if (!this.options.updater) return { state: 'unsupported', message: UNSUPPORTED };
    const off = await this.offReason(false);
    return off && this.status.state !== 'ready' ? { state: 'off', message: off } : this.status;
  }

  /** A check the person asked for: allowed when they switched automatic checks off, not when their organisation did. */
  async checkNow(): Promise<UpdateStatus> {
    const off = await this.offReason(true);
    if (off) throw appError('UNSUPPORTED', off);
    await this.runCheck();
    return this.current();
  }

  restart(): void {
    if (this.status.state !== 'ready' || !this.options.updater) throw appError('UNSUPPORTED', 'There is no downloaded update to install yet.');
    this.options.updater.quitAndInstall();
  }

  private async offReason(manual: boolean): Promise<string | undefined> {
    if (!this.options.updater) return UNSUPPORTED;
    if (this.options.policy().updates?.check === false) return `${SET_BY_ORGANISATION}: update checks are off; your IT team installs updates.`;
    if (!manual && !(await this.options.settings()).updateChecks) return 'Automatic update checks are off; Check now looks once.';
    return undefined;
  }

  private schedule(ms: number): void {
    this.options.timers.clearTimeout(this.timer);
    this.timer = this.options.timers.setTimeout(() => void this.tick(), ms);
  }

  private async tick(): Promise<void> {
    try {
      if (!(await this.offReason(false)) && checkDue(this.options.now(), this.lastCheckAt)) await this.runCheck();
    } finally {
      this.schedule(UPDATE_CHECK_EVERY_MS);
    }
  }

  private async runCheck(): Promise<void> {
    const updater = this.options.updater;
    if (!updater || this.status.state === 'checking' || this.status.state === 'downloading') return;
    this.lastCheckAt = this.options.now();
    const { updateChannel } = await this.options.settings();
    try {
      await updater.check(updateChannel);
    } catch (error) {
      this.apply({ type: 'error', message: isAppError(error) ? error.message : 'Traykey could not check for updates; it will try again later.' });
    }
  }

  private apply(event: UpdaterEvent): void {
    this.status = nextUpdateStatus(this.status, event, this.options.now());
    this.options.emit();
  }
}
