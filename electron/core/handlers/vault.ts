import type { Handlers } from '../../../shared/ipc';
import type { VaultStatus } from '../../../shared/ipc/settings';
import type { CoreContext } from './core-context';

type VaultHandlers = Pick<Handlers, 'vault:status' | 'vault:unlock' | 'vault:lock'>;

export function vaultHandlers(context: CoreContext): VaultHandlers {
  const { session, accounts, clipboard } = context;
  const status = async (): Promise<VaultStatus> => ({
    state: session.isOpen ? 'unlocked' : 'locked',
    mode: await session.mode(),
    path: session.path,
    accountCount: session.isOpen ? accounts.list().length : 0,
  });
  return {
    'vault:status': status,
    'vault:unlock': async ({ passphrase }) => {
      if (!session.isOpen) {
        await session.unlock(passphrase);
        context.emit('vault:changed');
        context.emit('accounts:changed');
      }
      return status();
    },
    'vault:lock': async () => {
      if (session.isOpen) {
        await clipboard?.flush();
        accounts.forgetUndo();
        session.lock();
        context.emit('vault:changed');
      }
      return status();
    },
  };
}
