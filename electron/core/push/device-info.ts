import { hostname, release } from 'node:os';

/** What Traykey tells the org about this machine: the real desktop OS, never a phone platform. */
export interface DeviceInfo {
  platform: 'MACOS' | 'WINDOWS' | 'LINUX';
  osVersion: string;
  displayName: string;
  clientInstanceBundleId: string;
  clientInstanceVersion: string;
  clientInstanceDeviceSdkVersion: string;
  secureHardwarePresent: false;
}

export const TRAYKEY_BUNDLE_ID = 'app.traykey.desktop';
export const TRAYKEY_VERSION = '0.1.0';

export function desktopPlatform(platform: NodeJS.Platform): DeviceInfo['platform'] {
  if (platform === 'darwin') return 'MACOS';
  if (platform === 'win32') return 'WINDOWS';
  return 'LINUX';
}

export function thisDevice(platform: NodeJS.Platform = process.platform): DeviceInfo {
  return {
    platform: desktopPlatform(platform),
    osVersion: release(),
    displayName: `Traykey on ${hostname()}`,
    clientInstanceBundleId: TRAYKEY_BUNDLE_ID,
    clientInstanceVersion: TRAYKEY_VERSION,
    clientInstanceDeviceSdkVersion: `Traykey ${TRAYKEY_VERSION}`,
    secureHardwarePresent: false,
  };
}
