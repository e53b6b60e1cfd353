import type { EventName } from '../../../shared/ipc';
import { appError } from '../../../shared/errors';
import type { PowerEvents, Timers, UserPresence } from '../capabilities';
import type { VaultSession } from '../vault/vault-session';
import { log } from '../log';
import type { SettingsStore } from '../settings/settings-store';
import { IdleTimer } from './idle-timer';

export type LockReason = 'user' | 'idle' | 'screen-lock' | 'sleep';

export interface LockServiceOptions {
  session: VaultSession;
  settings: Pick<SettingsStore, 'get'>;
  /** Runs before the key is dropped: clears our code from the clipboard, forgets undo buffers. */
  beforeLock: () => Promise<void>;
  emit: (event: EventName) => void;
  timers: Timers;
  now: () => number;
  presence?: UserPresence;
  /** Walking away locks the vault: the screen locking or the machine going to sleep. */
  power?: PowerEvents;
}

const MINUTE = 60_000;

/**
 * Locks the vault (drops its key from memory) when the user asks, after the idle timeout, on screen
 * lock and on sleep; unlocks it with the passphrase, or from the keychain after the OS confirmed the
 * user where it can. Every change of state is announced as vault:changed.
 */
export class LockService {
  private readonly idle: IdleTimer;
  private stopPower: (() => void)[] = [];

  constructor(private readonly options: LockServiceOptions) {
    this.idle = new IdleTimer(options.timers, options.now, () => {
      void this.lock('idle').catch(() => undefined);
    });
  }

  /** Reads the timeout from the settings and starts counting (the vault is open at start). */
  async start(): Promise<void> {
    const power = this.options.power;
    if (power && this.stopPower.length === 0) {
      this.stopPower = [power.on('lock-screen', () => void this.lock('screen-lock').catch(() => undefined)), power.on('suspend', () => void this.lock('sleep').catch(() => undefined))];
    }
    await this.applySettings();
    if (this.options.session.isOpen) this.idle.start();
  }

  /** A call the user made: postpones the idle lock. */
  activity(): void {
    this.idle.touch();
  }

  /** Picks up a changed lockAfterMinutes. */
  async applySettings(): Promise<void> {
    const { lockAfterMinutes } = await this.options.settings.get();
    this.idle.setLimit(lockAfterMinutes * MINUTE);
  }

  async lock(reason: LockReason): Promise<void> {
    const { session } = this.options;
    if (!session.isOpen) return;
    this.idle.stop();
    try {
      await this.options.beforeLock();
    } finally {
      session.lock();
      log.info('vault locked', { reason });
      this.options.emit('vault:changed');
    }
  }

  async unlock(passphrase: string | undefined): Promise<void> {
    const { session, presence } = this.options;
    if (session.isOpen) return;
    if ((await session.mode()) === 'passphrase') {
      if (!passphrase) throw appError('INVALID_INPUT', 'Enter the vault’s passphrase to unlock it.', { field: 'passphrase' });
      await session.unlock(passphrase);
    } else {
      if (presence?.isAvailable() && !(await presence.confirm('unlock your Traykey codes'))) {
        throw appError('VAULT_LOCKED', 'Your identity was not confirmed, so the vault stays locked; try Unlock again.');
      }
      await session.unlock('');
    }
    log.info('vault unlocked');
    this.idle.start();
    this.options.emit('vault:changed');
    this.options.emit('accounts:changed');
  }

  stop(): void {
    for (const off of this.stopPower) off();
    this.stopPower = [];
    this.idle.stop();
  }
}
