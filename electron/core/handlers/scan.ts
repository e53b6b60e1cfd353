import type { Handlers } from '../../../shared/ipc';
import { appError } from '../../../shared/errors';
import { classifyCode } from '../qr/classify-codes';
import { importScannedCodes, previewCodes, type ScanAccounts } from '../qr/scan-import';
import type { ScreenSource } from '../capabilities';
import type { CoreContext } from './core-context';

export type ScanHandlers = Pick<Handlers, Extract<keyof Handlers, `scan:${string}`>>;

export interface ScanHandlerDeps {
  accounts: ScanAccounts;
  /** Absent where Electron is not running (CLI, e2e harness). */
  screen?: ScreenSource | undefined;
}

export function createScanHandlers({ accounts, screen }: ScanHandlerDeps): ScanHandlers {
  return {
    'scan:capture': async () => {
      if (screen === undefined) throw appError('UNSUPPORTED', 'Scanning the screen needs the desktop app; open an image file instead.');
      return { displays: await screen.captureDisplays() };
    },
    'scan:preview': async ({ texts }) => ({ codes: previewCodes(texts, accounts) }),
    'scan:import': async ({ texts, skip, replace }) => {
      const codes = texts.map((text) => classifyCode(text));
      if (!codes.some((code) => code.kind === 'otpauth' || code.kind === 'migration')) {
        throw appError('INVALID_INPUT', 'None of the scanned codes holds an account, so nothing was saved.');
      }
      const { added, replaced, skipped } = await importScannedCodes(accounts, codes, { skip, replace });
      return { added, replaced, skipped };
    },
  };
}

export function scanHandlers({ accounts, screen }: CoreContext): ScanHandlers {
  return createScanHandlers({ accounts, screen });
}
