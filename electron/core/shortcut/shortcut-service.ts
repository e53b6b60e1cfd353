/**
 * The global shortcut that shows the popup: which keys are held now, and changing them without ever
 * being left with none by mistake. A new shortcut is registered first and the old one released only
 * after the new one works and is saved; when the OS refuses the new keys, the old ones stay and the
 * person gets one sentence to act on. The keys are the setting `shortcut` (null: turned off).
 */
import { appError } from '../../../shared/errors';
import { displayAccelerator, type Platform } from '../../../shared/shortcut/accelerator';
import { usableShortcut } from '../../../shared/shortcut/reserved-shortcuts';
import type { ShortcutStatus } from '../../../shared/ipc/shortcut';
import type { GlobalShortcuts } from '../capabilities';
import type { SettingsStore } from '../settings/settings-store';

export interface ShortcutServiceOptions {
  keys: GlobalShortcuts;
  platform: Platform;
  settings: Pick<SettingsStore, 'get' | 'set'>;
  /** The keys were pressed anywhere on the desktop. */
  onPress: () => void;
  /** What status() answers changed (the tray and Settings show it). */
  onChange: () => void;
}

export class ShortcutService {
  /** The accelerator the OS gave us, or null. */
  private active: string | null = null;
  /** Why the saved shortcut is not working, when it is not. */
  private problem: string | null = null;
  private saved: string | null = null;
  /** Given back to the OS while Settings listens for new keys, so pressing them reaches Settings. */
  private suspended: string | null = null;
  /** Changes run one after another, so two quick ones cannot both think they replace the same keys. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: ShortcutServiceOptions) {}

  status(): ShortcutStatus {
    return { shortcut: this.saved, active: this.active, problem: this.problem, platform: this.options.platform };
  }

  /** Takes the saved keys at start; when the OS refuses them, says so instead of starting without a word. */
  start(): Promise<ShortcutStatus> {
    return this.serially(async () => {
      this.saved = (await this.options.settings.get()).shortcut;
      if (this.saved === null) return this.changed();
      const usable = usableShortcut(this.saved, this.options.platform);
      if (!usable.ok) {
        this.problem = usable.message;
        return this.changed();
      }
      if (this.options.keys.register(usable.text, this.options.onPress)) this.active = usable.text;
      else this.problem = `${displayAccelerator(usable.text, this.options.platform)} is already used by another app, so Traykey has no shortcut now. Choose another shortcut.`;
      return this.changed();
    });
  }

  /**
   * Makes `accelerator` the shortcut (null turns it off). Refused keys throw an AppError with the
   * sentence to show, and leave the shortcut that worked before in place.
   */
  set(accelerator: string | null): Promise<ShortcutStatus> {
    return this.serially(async () => {
      if (accelerator === null) {
        await this.options.settings.set({ shortcut: null });
        this.release();
        this.saved = null;
        this.problem = null;
        return this.changed();
      }
      const usable = usableShortcut(accelerator, this.options.platform);
      if (!usable.ok) throw appError('INVALID_INPUT', usable.message, { field: 'shortcut' });
      const wanted = usable.text;
      if (wanted === this.active) {
        await this.save(wanted);
        return this.changed();
      }
      if (!this.options.keys.register(wanted, this.options.onPress)) {
        throw appError('SHORTCUT_TAKEN', `${displayAccelerator(wanted, this.options.platform)} is already used by another app. Choose another shortcut.`, { field: 'shortcut' });
      }
      try {
        await this.save(wanted);
      } catch (error) {
        this.options.keys.unregister(wanted);
        throw error;
      }
      this.release();
      this.active = wanted;
      this.problem = null;
      return this.changed();
    });
  }

  /**
   * While Settings listens for new keys, the OS would hand the current ones to Traykey's handler
   * (hiding the popup) instead of to the page: they are given back until listening ends.
   */
  listen(listening: boolean): Promise<ShortcutStatus> {
    return this.serially(async () => {
      if (listening && this.active !== null && this.suspended === null) {
        this.options.keys.unregister(this.active);
        this.suspended = this.active;
      } else if (!listening && this.suspended !== null) {
        const taken = this.suspended;
        this.suspended = null;
        if (!this.options.keys.register(taken, this.options.onPress)) {
          this.active = null;
          this.problem = `${displayAccelerator(taken, this.options.platform)} was taken by another app while Settings listened, so Traykey has no shortcut now. Choose another shortcut.`;
          return this.changed();
        }
      }
      return this.status();
    });
  }

  /** Gives the keys back to the OS (quitting). */
  stop(): void {
    this.release();
  }

  private async save(accelerator: string): Promise<void> {
    await this.options.settings.set({ shortcut: accelerator });
    this.saved = accelerator;
  }

  private release(): void {
    if (this.active !== null && this.suspended === null) this.options.keys.unregister(this.active);
    this.active = null;
    this.suspended = null;
  }

  private changed(): ShortcutStatus {
    this.options.onChange();
    return this.status();
  }

  private serially<T>(run: () => Promise<T>): Promise<T> {
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
