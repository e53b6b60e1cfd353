import type { Handlers } from '../../../shared/ipc';
import type { VaultStatus } from '../../../shared/ipc/settings';
import type { CoreContext } from './core-context';

type VaultHandlers = Pick<Handlers, 'vault:status' | 'vault:unlock' | 'vault:lock'>;

export function vaultHandlers(context: CoreContext): VaultHandlers {
  const { session, accounts, lock } = context;
  const status = async (): Promise<VaultStatus> => {
    const warning = session.isOpen ? session.current().warning : undefined;
    return {
      state: session.isOpen ? 'unlocked' : 'locked',
      mode: await session.mode(),
      path: session.path,
      accountCount: session.isOpen ? accounts.list().length : 0,
      ...(warning ? { warning } : {}),
    };
  };
  return {
    'vault:status': status,
    'vault:unlock': async ({ passphrase }) => {
      await lock.unlock(passphrase);
      return status();
    },
    'vault:lock': async () => {
      await lock.lock('user');
      return status();
    },
  };
}
