import { senderOf, type Handlers } from '../../../shared/ipc';
import { appError } from '../../../shared/errors';
import { importScannedCodes, previewCodes, type ScanAccounts } from '../qr/scan-import';
import { ScanSessions } from '../qr/scan-sessions';
import type { ScreenShares } from '../qr/screen-shares';
import type { CoreContext } from './core-context';

export type ScanHandlers = Pick<Handlers, Extract<keyof Handlers, `scan:${string}`>>;

export interface ScanHandlerDeps {
  accounts: ScanAccounts;
  now: () => number;
  /** Absent where no screen can be captured (the CLI). */
  screens?: ScreenShares | undefined;
}

/**
 * The scan route's main side: the renderer captures and decodes, hands each text over once, and from
 * then on holds only a token and a preview without secrets; main classifies once and saves by token.
 */
export function createScanHandlers({ accounts, now, screens }: ScanHandlerDeps): ScanHandlers {
  const sessions = new ScanSessions(now);
  return {
    'scan:screens': async (_request, caller) => {
      if (screens === undefined) throw appError('UNSUPPORTED', 'Scanning the screen needs the desktop app; open an image file instead.');
      return { screens: await screens.open(senderOf(caller)) };
    },
    'scan:preview': async ({ texts, token }, caller) => {
      const scan = sessions.add(senderOf(caller), texts, token);
      return { token: scan.token, codes: previewCodes(scan.codes, accounts) };
    },
    'scan:import': async ({ token, skip, replace }, caller) => {
      const codes = sessions.take(senderOf(caller), token);
      if (!codes.some((code) => code.kind === 'otpauth' || code.kind === 'migration')) {
        throw appError('INVALID_INPUT', 'None of the scanned codes holds an account, so nothing was saved.');
      }
      const { added, replaced, skipped } = await importScannedCodes(accounts, codes, { skip, replace });
      return { added, replaced, skipped };
    },
    'scan:discard': async ({ token }, caller) => {
      sessions.discard(senderOf(caller), token);
      return {};
    },
  };
}

export function scanHandlers({ accounts, clock, screens }: CoreContext): ScanHandlers {
  return createScanHandlers({ accounts, now: () => clock.now(), screens });
}
