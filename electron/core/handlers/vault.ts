import type { Handlers } from '../../../shared/ipc';
import type { VaultStatus } from '../../../shared/ipc/settings';
import { acceptOlderCopy } from '../vault/accept-older-copy';
import type { CoreContext } from './core-context';

type VaultHandlers = Pick<Handlers, 'vault:status' | 'vault:unlock' | 'vault:lock' | 'vault:acceptOlder'>;

export function vaultHandlers(context: CoreContext): VaultHandlers {
  const { session, accounts, lock, clock, emit } = context;
  const status = async (): Promise<VaultStatus> => {
    const older = session.isOpen ? session.current().olderCopy : undefined;
    return {
      state: session.isOpen ? 'unlocked' : 'locked',
      mode: await session.mode(),
      path: session.path,
      accountCount: session.isOpen ? accounts.list().length : 0,
      ...(older ? { olderCopy: { save: older.file, latestSave: older.latest } } : {}),
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
    'vault:acceptOlder': async (confirmed) => {
      if ((await acceptOlderCopy(session.current(), clock.now(), confirmed)) === 'accepted') emit('vault:changed');
      return status();
    },
  };
}
