import type { Handlers } from '../../../shared/ipc';
import { appError } from '../../../shared/errors';
import type { CoreContext } from './core-context';

type AccountsHandlers = Pick<Handlers, Extract<keyof Handlers, `accounts:${string}`>>;

export function accountsHandlers({ accounts, clipboard, settings, clock }: CoreContext): AccountsHandlers {
  return {
    'accounts:list': async () => accounts.list(),
    'accounts:codes': async ({ at }) => {
      const now = at ?? clock.now();
      return { now, codes: accounts.codes(now) };
    },
    'accounts:add': (input) => accounts.add(input),
    'accounts:addUri': ({ uri }) => accounts.addUri(uri),
    'accounts:rename': ({ id, issuer, label }) => accounts.rename(id, issuer, label),
    'accounts:reorder': ({ ids }) => accounts.reorder(ids),
    'accounts:delete': ({ id }) => accounts.delete(id),
    'accounts:undoDelete': ({ undoToken }) => accounts.undoDelete(undoToken),
    'accounts:nextHotp': ({ id }) => accounts.nextHotp(id),
    'accounts:reveal': async ({ id }) => accounts.reveal(id),
    'accounts:copyCode': async ({ id }) => {
      if (!clipboard) throw appError('UNSUPPORTED', 'Copying codes is not available here.');
      const { code } = accounts.currentCode(id);
      const { clipboardClearSeconds } = await settings.get();
      await clipboard.copy(code, clipboardClearSeconds);
      return { clearsInSeconds: clipboardClearSeconds };
    },
  };
}
