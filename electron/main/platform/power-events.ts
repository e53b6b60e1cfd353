import { powerMonitor } from 'electron';
import type { PowerEvent, PowerEvents } from '../../core/capabilities';

/** The OS's screen-lock and sleep notifications, for locking the vault when the user walks away. */
export function electronPowerEvents(): PowerEvents {
  return {
    on: (event: PowerEvent, listener: () => void) => {
      // Electron's overloads are per event name; a switch keeps each call on its exact signature.
      switch (event) {
        case 'lock-screen':
          powerMonitor.on('lock-screen', listener);
          return () => void powerMonitor.off('lock-screen', listener);
        case 'unlock-screen':
          powerMonitor.on('unlock-screen', listener);
          return () => void powerMonitor.off('unlock-screen', listener);
        case 'suspend':
          powerMonitor.on('suspend', listener);
          return () => void powerMonitor.off('suspend', listener);
        case 'resume':
          powerMonitor.on('resume', listener);
          return () => void powerMonitor.off('resume', listener);
      }
    },
  };
}
