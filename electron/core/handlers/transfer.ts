import type { Handlers } from '../../../shared/ipc';
import { accountQr, migrationQrs } from '../transfer/transfer-service';
import type { CoreContext } from './core-context';

type TransferHandlers = Pick<Handlers, Extract<keyof Handlers, `transfer:${string}`>>;

/** Both calls reveal secrets: the renderer makes them only after the user confirmed. */
export function transferHandlers({ accounts }: CoreContext): TransferHandlers {
  return {
    'transfer:accountQr': ({ id }) => accountQr(accounts, id),
    'transfer:migrationQrs': async ({ ids }) => ({ codes: await migrationQrs(accounts, ids) }),
  };
}
