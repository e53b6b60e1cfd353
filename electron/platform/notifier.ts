import { Notification } from 'electron';
import type { Notifier } from '../core/capabilities';

/** Desktop notifications; silent, since they announce approvals and locks, not alarms. */
export function electronNotifier(options: { icon?: string } = {}): Notifier {
  return {
    isSupported: () => Notification.isSupported(),
    notify: ({ title, body }) => {
      if (!Notification.isSupported()) return;
      new Notification({ title, body, silent: true, ...(options.icon ? { icon: options.icon } : {}) }).show();
    },
  };
}
