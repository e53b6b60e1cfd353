import type { CapturedDisplay } from '../../../shared/ipc/scan';

/**
 * Captures every display at its native pixel size. main.ts passes electron/platform/screen-capture.ts;
 * the CLI and tests have none (or a fake), because capturing needs Electron.
 */
export interface ScreenSource {
  captureDisplays(): Promise<CapturedDisplay[]>;
}
