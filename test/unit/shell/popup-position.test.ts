import { describe, expect, it } from 'vitest';
import { popupBounds, trayEdge, type Rect } from '../../../electron/core/windows/popup-position';

const size = { width: 360, height: 520 };
const noTray: Rect = { x: 0, y: 0, width: 0, height: 0 };

function inside(outer: Rect, inner: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

describe('popup placement', () => {
  it('drops down under a macOS menu-bar icon, centred on it', () => {
    const display = { bounds: { x: 0, y: 0, width: 1440, height: 900 }, workArea: { x: 0, y: 25, width: 1440, height: 875 } };
    const bounds = popupBounds({ trayBounds: { x: 1200, y: 0, width: 22, height: 24 }, cursor: { x: 1210, y: 10 }, display, size });
    expect(bounds).toEqual({ x: 1031, y: 31, width: 360, height: 520 });
  });

  it('rises above a Windows taskbar icon and stays inside the work area at the right edge', () => {
    const display = { bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
    const bounds = popupBounds({ trayBounds: { x: 1880, y: 1044, width: 32, height: 32 }, cursor: { x: 1890, y: 1060 }, display, size });
    expect(bounds).toEqual({ x: 1560, y: 514, width: 360, height: 520 });
    expect(inside(display.workArea, bounds)).toBe(true);
  });

  it('sits beside a taskbar docked on the left', () => {
    const display = { bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 60, y: 0, width: 1860, height: 1080 } };
    const bounds = popupBounds({ trayBounds: { x: 14, y: 1000, width: 32, height: 32 }, cursor: { x: 20, y: 1010 }, display, size });
    expect(bounds.x).toBe(66);
    expect(inside(display.workArea, bounds)).toBe(true);
  });

  it('uses the pointer where the OS does not report the icon’s bounds (Linux), on a second display', () => {
    const display = { bounds: { x: 1920, y: 0, width: 2560, height: 1440 }, workArea: { x: 1920, y: 32, width: 2560, height: 1408 } };
    const bounds = popupBounds({ trayBounds: noTray, cursor: { x: 4400, y: 12 }, display, size });
    expect(bounds).toEqual({ x: 4120, y: 38, width: 360, height: 520 });
    expect(inside(display.workArea, bounds)).toBe(true);
  });

  it('guesses the edge nearest the pointer when the taskbar hides itself', () => {
    const full = { x: 0, y: 0, width: 1920, height: 1080 };
    expect(trayEdge({ bounds: full, workArea: full }, { x: 1900, y: 1075 })).toBe('bottom');
    expect(trayEdge({ bounds: full, workArea: full }, { x: 900, y: 3 })).toBe('top');
  });

  it('shrinks to fit a work area smaller than the popup', () => {
    const display = { bounds: { x: 0, y: 0, width: 800, height: 480 }, workArea: { x: 0, y: 0, width: 800, height: 440 } };
    const bounds = popupBounds({ trayBounds: { x: 780, y: 450, width: 20, height: 20 }, cursor: { x: 790, y: 460 }, display, size });
    expect(bounds.height).toBe(440);
    expect(inside(display.workArea, bounds)).toBe(true);
  });

  it('stays inside the work area of a display at negative coordinates', () => {
    const display = { bounds: { x: -1280, y: -200, width: 1280, height: 1024 }, workArea: { x: -1280, y: -200, width: 1280, height: 984 } };
    const bounds = popupBounds({ trayBounds: { x: -1275, y: 790, width: 24, height: 24 }, cursor: { x: -1270, y: 800 }, display, size });
    expect(inside(display.workArea, bounds)).toBe(true);
    expect(bounds.x).toBe(-1280);
  });
});
