import type { Notification, Notifier } from '../../electron/core/capabilities';

/** Stands in for desktop notifications: a test reads what the app would have shown. */
export class FakeNotifier implements Notifier {
  readonly shown: Notification[] = [];

  constructor(private readonly supported = true) {}

  isSupported(): boolean {
    return this.supported;
  }

  notify(notification: Notification): void {
    if (this.supported) this.shown.push(notification);
  }
}
