// Draws Traykey's icons (a shield with a key cut through it) with pngjs and writes them under build/.
// Run `npm run icons` after changing the drawing; the PNGs are committed. An optional argument writes
// them to another folder instead (the packaging test uses it to check the committed files are current).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

const buildDir = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..');

// Shapes in a unit square (0..1, y down).
function inShield(x, y) {
  if (y < 0.08 || y > 0.94) return false;
  const half = y < 0.52 ? 0.38 : 0.38 * (1 - ((y - 0.52) / 0.42) ** 1.7);
  // Rounded top corners.
  const corner = 0.08;
  const dx = Math.abs(x - 0.5) - (0.38 - corner);
  const dy = 0.08 + corner - y;
  if (dx > 0 && dy > 0 && dx * dx + dy * dy > corner * corner) return false;
  return Math.abs(x - 0.5) <= half;
}

function inKey(x, y) {
  const r = Math.hypot(x - 0.5, y - 0.37);
  if (r <= 0.15 && r >= 0.065) return true;
  if (x >= 0.455 && x <= 0.545 && y >= 0.5 && y <= 0.8) return true;
  if (x >= 0.545 && x <= 0.63 && ((y >= 0.63 && y <= 0.68) || (y >= 0.72 && y <= 0.77))) return true;
  return false;
}

function inRoundedSquare(x, y, radius) {
  const dx = Math.max(radius - x, x - (1 - radius), 0);
  const dy = Math.max(radius - y, y - (1 - radius), 0);
  return dx * dx + dy * dy <= radius * radius;
}

const SAMPLES = 4;

/** Renders size x size pixels; `paint(x, y)` gives [r, g, b, a] (0..255) for a point of the unit square. */
function render(size, paint) {
  const png = new PNG({ width: size, height: size });
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy += 1) {
        for (let sx = 0; sx < SAMPLES; sx += 1) {
          const [r, g, b, a] = paint((px + (sx + 0.5) / SAMPLES) / size, (py + (sy + 0.5) / SAMPLES) / size);
          acc[0] += r * a;
          acc[1] += g * a;
          acc[2] += b * a;
          acc[3] += a;
        }
      }
      const i = (py * size + px) * 4;
      const alpha = acc[3] / (SAMPLES * SAMPLES);
      png.data[i] = acc[3] ? Math.round(acc[0] / acc[3]) : 0;
      png.data[i + 1] = acc[3] ? Math.round(acc[1] / acc[3]) : 0;
      png.data[i + 2] = acc[3] ? Math.round(acc[2] / acc[3]) : 0;
      png.data[i + 3] = Math.round(alpha);
    }
  }
  return PNG.sync.write(png);
}

/** Tray glyph: the shield in one colour, the key cut out (transparent). */
const glyph = (rgb) => (x, y) => (inShield(x, y) && !inKey(x, y) ? [...rgb, 255] : [0, 0, 0, 0]);

// App icon: white shield with a blue key on a blue rounded square, a little inset like platform icons.
const appIcon = (x, y) => {
  const inset = 0.06;
  const u = (x - inset) / (1 - 2 * inset);
  const v = (y - inset) / (1 - 2 * inset);
  if (u < 0 || u > 1 || v < 0 || v > 1 || !inRoundedSquare(u, v, 0.22)) return [0, 0, 0, 0];
  const sx = 0.5 + (u - 0.5) / 0.72;
  const sy = 0.5 + (v - 0.52) / 0.72;
  if (inShield(sx, sy) && !inKey(sx, sy)) return [255, 255, 255, 255];
  const shade = Math.round(40 * v);
  return [37 - Math.round(shade / 3), 99 - shade, 235 - shade, 255];
};

const outputs = [
  ['icon.png', 512, appIcon],
  ['tray/iconTemplate.png', 16, glyph([0, 0, 0])],
  ['tray/iconTemplate@2x.png', 32, glyph([0, 0, 0])],
  ['tray/tray-on-light.png', 16, glyph([31, 41, 55])],
  ['tray/tray-on-light@2x.png', 32, glyph([31, 41, 55])],
  ['tray/tray-on-dark.png', 16, glyph([255, 255, 255])],
  ['tray/tray-on-dark@2x.png', 32, glyph([255, 255, 255])],
];

for (const [name, size, paint] of outputs) {
  const file = join(buildDir, name);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, render(size, paint));
  console.log(`wrote ${join(buildDir, name)} (${size}x${size})`);
}
