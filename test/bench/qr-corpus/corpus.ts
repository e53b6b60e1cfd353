/**
 * Realistic screen captures for the QR benchmark and the scan tests, drawn at run time (no binaries in
 * the repository): pages of text-like blocks with codes the way authenticator set-up pages, terminals and
 * Google Authenticator's transfer screen show them, at common display sizes and scale factors.
 */
import jpeg from 'jpeg-js';
import type { RgbaImage } from '../../../shared/qr/decode-qr';
import { encodeJpeg, encodePng } from './encode';
import { DARK, LIGHT, renderPage, type PlacedCode, type Theme } from './page';
import { migrationUri, randomSecretBytes, totpUri } from './payloads';
import { seededRandom } from './prng';
import { plainStyle } from './raster';

export interface Capture {
  name: string;
  width: number;
  height: number;
  /** The file as it would be saved (PNG, or JPEG for the compressed cases). */
  format: 'png' | 'jpeg';
  file: Uint8Array;
  /** The pixels the decoder sees: for JPEG, after compression. */
  pixels: RgbaImage;
  expected: string[];
}


interface Scene {
  name: string;
  width: number;
  height: number;
  theme: Theme;
  scale?: number;
  jpegQuality?: number;
  codes: (random: () => number) => PlacedCode[];
}

const issuers = ['GitHub', 'Acme Corp', 'Okta', 'AWS', 'Example Bank', 'Grafana'];
const uri = (random: () => number, n: number): string => totpUri(random, issuers[n % issuers.length]!, `user${n}@example.com`);

export const SCENES: Scene[] = [
  { name: 'light 1080p', width: 1920, height: 1080, theme: LIGHT, codes: (r) => [{ text: uri(r, 0), style: plainStyle(4), at: [0.4, 0.3] }] },
  { name: 'light 1080p small modules', width: 1920, height: 1080, theme: LIGHT, codes: (r) => [{ text: uri(r, 1), style: plainStyle(3), at: [0.1, 0.6] }] },
  { name: 'dark page, inverted code 1080p', width: 1920, height: 1080, theme: DARK, codes: (r) => [{ text: uri(r, 2), style: plainStyle(4, { dark: [230, 230, 230], light: [30, 32, 36] }), at: [0.55, 0.2] }] },
  { name: 'three codes 1440p', width: 2560, height: 1440, theme: LIGHT, codes: (r) => [0, 1, 2].map((n) => ({ text: uri(r, n + 3), style: plainStyle(4 + n), at: [0.05 + 0.32 * n, 0.25 + 0.1 * n] as const })) },
  { name: 'zoomed 125% 1080p', width: 1920, height: 1080, theme: LIGHT, codes: (r) => [{ text: uri(r, 4), style: plainStyle(3.75), at: [0.3, 0.4] }] },
  { name: 'zoomed 150% 1440p', width: 2560, height: 1440, theme: LIGHT, codes: (r) => [{ text: uri(r, 5), style: plainStyle(4.5), at: [0.6, 0.5] }] },
  { name: 'zoomed 90% 1080p', width: 1920, height: 1080, theme: LIGHT, codes: (r) => [{ text: uri(r, 0), style: plainStyle(3.6), at: [0.7, 0.1] }] },
  { name: 'jpeg q60 1080p', width: 1920, height: 1080, theme: LIGHT, jpegQuality: 60, codes: (r) => [{ text: uri(r, 1), style: plainStyle(4), at: [0.2, 0.2] }] },
  { name: 'jpeg q50 dark 1440p', width: 2560, height: 1440, theme: DARK, jpegQuality: 50, codes: (r) => [{ text: uri(r, 2), style: plainStyle(5), at: [0.45, 0.35] }] },
  { name: 'low contrast 1080p', width: 1920, height: 1080, theme: LIGHT, codes: (r) => [{ text: uri(r, 3), style: plainStyle(4, { dark: [120, 120, 120], light: [175, 175, 175] }), at: [0.5, 0.5] }] },
  { name: 'rotated 12° 1080p', width: 1920, height: 1080, theme: LIGHT, codes: (r) => [{ text: uri(r, 4), style: plainStyle(5, { rotation: 12 }), at: [0.35, 0.3] }] },
  { name: 'rotated 90° and 200° 1440p', width: 2560, height: 1440, theme: DARK, codes: (r) => [{ text: uri(r, 5), style: plainStyle(5, { rotation: 90 }), at: [0.1, 0.2] }, { text: uri(r, 6), style: plainStyle(5, { rotation: 200 }), at: [0.6, 0.4] }] },
  { name: 'brand colour with logo 1080p', width: 1920, height: 1080, theme: LIGHT, codes: (r) => [{ text: uri(r, 7), style: plainStyle(5, { dark: [26, 115, 232], light: [255, 255, 255], errorCorrection: 'H', logo: { fraction: 0.22, colour: [234, 67, 53] } }), at: [0.4, 0.25] }] },
  { name: 'terminal half blocks, dark 1080p', width: 1920, height: 1080, theme: DARK, codes: (r) => [{ text: uri(r, 8), style: plainStyle(9, { moduleHeight: 10.5, dark: [30, 30, 30], light: [220, 220, 220], errorCorrection: 'L', margin: 2 }), at: [0.05, 0.05] }] },
  { name: 'terminal two spaces per module 1440p', width: 2560, height: 1440, theme: LIGHT, codes: (r) => [{ text: uri(r, 9), style: plainStyle(16, { moduleHeight: 19, errorCorrection: 'L', margin: 2 }), at: [0.3, 0.02] }] },
  {
    name: 'migration 2 of 3 1080p',
    width: 1920,
    height: 1080,
    theme: DARK,
    codes: (r) => [{ text: migrationUri([0, 1, 2, 3].map((n) => ({ issuer: issuers[n]!, name: `user${n}@example.com`, secret: randomSecretBytes(r), type: n === 3 ? 'hotp' : 'totp', ...(n === 3 ? { counter: 7 } : {}) })), { index: 1, size: 3, id: 42 }), style: plainStyle(5, { errorCorrection: 'L' }), at: [0.4, 0.2] }],
  },
  {
    name: 'dense transfer code, 2 px modules 1080p',
    width: 1920,
    height: 1080,
    theme: LIGHT,
    codes: (r) => [{ text: migrationUri(Array.from({ length: 10 }, (_, n) => ({ issuer: `Issuer ${n}`, name: `someone${n}@example.com`, secret: randomSecretBytes(r), type: 'totp' as const })), { index: 0, size: 1, id: 7 }), style: plainStyle(2, { errorCorrection: 'L' }), at: [0.6, 0.15] }],
  },
  { name: 'no code 1080p', width: 1920, height: 1080, theme: LIGHT, codes: () => [] },
  { name: 'no code dark 1440p', width: 2560, height: 1440, theme: DARK, codes: () => [] },
  { name: 'dual monitor 5760x1080', width: 5760, height: 1080, theme: LIGHT, codes: (r) => [{ text: uri(r, 10), style: plainStyle(4), at: [0.05, 0.3] }, { text: uri(r, 11), style: plainStyle(4), at: [0.8, 0.5] }] },
  { name: '4K at scale 2', width: 3840, height: 2160, theme: LIGHT, scale: 2, codes: (r) => [{ text: uri(r, 12), style: plainStyle(8), at: [0.4, 0.3] }] },
  { name: '4K at scale 2, dark, two codes', width: 3840, height: 2160, theme: DARK, scale: 2, codes: (r) => [{ text: uri(r, 13), style: plainStyle(8, { dark: [235, 235, 235], light: [20, 20, 20] }), at: [0.1, 0.1] }, { text: uri(r, 14), style: plainStyle(10), at: [0.6, 0.6] }] },
];

export function renderCapture(scene: Scene, seed: number): Capture {
  const random = seededRandom(seed);
  const codes = scene.codes(random);
  const image = renderPage(scene.width, scene.height, scene.theme, codes, random, scene.scale ?? 1);
  const expected = codes.map((c) => c.text);
  if (scene.jpegQuality === undefined) return { name: scene.name, width: scene.width, height: scene.height, format: 'png', file: encodePng(image), pixels: image, expected };
  const file = encodeJpeg(image, scene.jpegQuality);
  const decoded = jpeg.decode(file, { useTArray: true, formatAsRGBA: true });
  return { name: scene.name, width: scene.width, height: scene.height, format: 'jpeg', file, pixels: { data: decoded.data, width: decoded.width, height: decoded.height }, expected };
}

/** The whole corpus; a different seed gives different secrets and layouts (unseen captures). */
export function generateCorpus(seed = 1): Capture[] {
  return SCENES.map((scene, i) => renderCapture(scene, seed * 1000 + i));
}
