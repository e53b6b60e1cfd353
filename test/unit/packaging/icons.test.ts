import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { tempHomeSync } from '../../support/temp-home';

const ICONS = [
  'icon.png',
  'tray/iconTemplate.png',
  'tray/iconTemplate@2x.png',
  'tray/tray-on-light.png',
  'tray/tray-on-light@2x.png',
  'tray/tray-on-dark.png',
  'tray/tray-on-dark@2x.png',
];

function read(path: string): PNG {
  return PNG.sync.read(readFileSync(path));
}

function pixels(png: PNG): { r: number; g: number; b: number; a: number }[] {
  const out = [];
  for (let i = 0; i < png.data.length; i += 4) out.push({ r: png.data[i]!, g: png.data[i + 1]!, b: png.data[i + 2]!, a: png.data[i + 3]! });
  return out;
}

describe('icons in build/', () => {
  it('has a 512x512 app icon, opaque in the middle and transparent in the corners', () => {
    const icon = read('build/icon.png');
    expect([icon.width, icon.height]).toEqual([512, 512]);
    expect(icon.data[3]).toBe(0);
    expect(icon.data[(256 * 512 + 256) * 4 + 3]).toBe(255);
  });

  it.each([
    ['build/tray/iconTemplate.png', 16],
    ['build/tray/iconTemplate@2x.png', 32],
    ['build/tray/tray-on-light.png', 16],
    ['build/tray/tray-on-light@2x.png', 32],
    ['build/tray/tray-on-dark.png', 16],
    ['build/tray/tray-on-dark@2x.png', 32],
  ])('has %s at %ipx', (path, size) => {
    const png = read(path);
    expect([png.width, png.height]).toEqual([size, size]);
  });

  it('draws the macOS template images in black with alpha only, as the menu bar requires', () => {
    for (const path of ['build/tray/iconTemplate.png', 'build/tray/iconTemplate@2x.png']) {
      const visible = pixels(read(path)).filter((p) => p.a > 0);
      expect(visible.length).toBeGreaterThan(0);
      expect(visible.every((p) => p.r === 0 && p.g === 0 && p.b === 0)).toBe(true);
    }
  });

  it('draws a light glyph for dark panels and a dark glyph for light panels', () => {
    const luminance = (path: string) => {
      const solid = pixels(read(path)).filter((p) => p.a === 255);
      return solid.reduce((sum, p) => sum + (p.r + p.g + p.b) / 3, 0) / solid.length;
    };
    expect(luminance('build/tray/tray-on-dark@2x.png')).toBeGreaterThan(200);
    expect(luminance('build/tray/tray-on-light@2x.png')).toBeLessThan(80);
  });

  it('cuts the key out of the shield, so the glyph has a transparent hole', () => {
    const png = read('build/tray/iconTemplate@2x.png');
    const alphaAt = (x: number, y: number) => png.data[(y * png.width + x) * 4 + 3];
    // Solid shield beside the key; the key's ring and shaft on the centre line are see-through.
    expect(alphaAt(6, 16)).toBe(255);
    expect(alphaAt(16, 8)).toBe(0);
    expect(alphaAt(16, 20)).toBe(0);
    expect(alphaAt(0, 0)).toBe(0);
  });

  it('are exactly what build/scripts/make-icons.mjs draws today (the script is the source of truth)', () => {
    const out = tempHomeSync('icons');
    execFileSync(process.execPath, ['build/scripts/make-icons.mjs', out], { stdio: 'pipe' });
    for (const name of ICONS) expect(readFileSync(join(out, name)).equals(readFileSync(join('build', name))), name).toBe(true);
  });
});
