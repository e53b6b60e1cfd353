import type { GlobalShortcuts } from '../../electron/core/capabilities';

/**
 * Stands in for the OS's global shortcuts: a test says which keys another app holds, presses the
 * ones Traykey registered, and reads every register and unregister in order.
 */
export class FakeGlobalShortcuts implements GlobalShortcuts {
  private readonly held = new Map<string, () => void>();
  private readonly takenByOthers = new Set<string>();
  /** "register X", "refused X", "unregister X", in order. */
  readonly log: string[] = [];

  /** Another app holds these keys from now on: registering them is refused. */
  take(accelerator: string): void {
    this.takenByOthers.add(accelerator);
  }

  /** The other app quit. */
  release(accelerator: string): void {
    this.takenByOthers.delete(accelerator);
  }

  /** What Traykey holds now. */
  get registered(): string[] {
    return [...this.held.keys()];
  }

  /** The person pressed the keys anywhere on the desktop; false when nobody held them. */
  press(accelerator: string): boolean {
    const onPress = this.held.get(accelerator);
    onPress?.();
    return onPress !== undefined;
  }

  register(accelerator: string, onPress: () => void): boolean {
    if (this.takenByOthers.has(accelerator) || this.held.has(accelerator)) {
      this.log.push(`refused ${accelerator}`);
      return false;
    }
    this.held.set(accelerator, onPress);
    this.log.push(`register ${accelerator}`);
    return true;
  }

  unregister(accelerator: string): void {
    this.held.delete(accelerator);
    this.log.push(`unregister ${accelerator}`);
  }
}
