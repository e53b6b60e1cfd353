import { describe, expect, it } from 'vitest';
import { dataHome } from '../../../electron/core/paths';

describe('dataHome', () => {
  it('uses TRAYKEY_HOME when set, on every platform', () => {
    expect(dataHome({ TRAYKEY_HOME: '/srv/tk' }, 'linux', '/home/ann')).toBe('/srv/tk');
    expect(dataHome({ TRAYKEY_HOME: 'D:\\tk', APPDATA: 'C:\\x' }, 'win32', 'C:\\Users\\ann')).toBe('D:\\tk');
  });

  it('uses ~/.config/Traykey on Linux, honouring an absolute XDG_CONFIG_HOME', () => {
    expect(dataHome({ HOME: '/home/ann' }, 'linux', '/nowhere')).toBe('/home/ann/.config/Traykey');
    expect(dataHome({ HOME: '/home/ann', XDG_CONFIG_HOME: '/cfg' }, 'linux')).toBe('/cfg/Traykey');
    expect(dataHome({ HOME: '/home/ann', XDG_CONFIG_HOME: 'relative/cfg' }, 'linux')).toBe('/home/ann/.config/Traykey');
  });

  it('uses ~/Library/Application Support/Traykey on macOS', () => {
    expect(dataHome({}, 'darwin', '/Users/ann')).toBe('/Users/ann/Library/Application Support/Traykey');
  });

  it('uses %APPDATA%\\Traykey on Windows, falling back to the roaming folder under the profile', () => {
    expect(dataHome({ APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'win32')).toBe('C:\\Users\\ann\\AppData\\Roaming\\Traykey');
    expect(dataHome({ USERPROFILE: 'C:\\Users\\ann' }, 'win32')).toBe('C:\\Users\\ann\\AppData\\Roaming\\Traykey');
  });
});
