import { Notification } from 'electron';
import type { Notifier } from '../../core/capabilities';

/** Desktop notifications; silent, since they announce approvals and locks, not alarms. */
export function electronNotifier(options: { icon?: string } = {}): Notifier {
  return {
    isSupported: () => Notification.isSupported(),
    notify: ({ title, body, onClick }) => {
      if (!Notification.isSupported()) return;
      const notification = new Notification({ title, body, silent: true, ...(options.icon ? { icon: options.icon } : {}) });
      if (onClick) notification.on('click', onClick);
      notification.show();
    },
  };
}
