/**
 * `npm run bench:qr` (second part): the screen-scan route before and after issue 14, side by side on
 * the same displays, from capture to preview, with the bytes each route moves across Electron's IPC.
 *
 * Electron cannot run here, so both routes are replayed in one Node process with the app's own modules:
 * IPC is V8's structured clone (node:v8 serialize/deserialize, the serializer Electron's IPC uses), the
 * decoder is shared/qr/decode-qr, main's side is the real classifier, preview and scan sessions. The
 * screen capture itself (Chromium's capturer) is outside both timings: each route starts from the
 * display's pixels as the capturer hands them over.
 *   before: main copies each display's BGRA bitmap (toBitmap) and sends all of them to the renderer
 *           (scan:capture), the worker swaps BGRA to RGBA and decodes, the texts go back to main
 *           (scan:preview), which classifies them; Save sends the texts a second time (scan:import).
 *   after:  scan:screens answers labels and sizes; the page's frame is drawn into its worker's canvas and
 *           read back once (one copy, RGBA), decoded, and the texts go to main once (scan:preview), which
 *           classifies them and answers with a token; Save sends the token (scan:import).
 * Last, the new route runs for real in Chromium through the e2e harness (canvas streams as the screens).
 * Options: --runs N (timed repetitions per case, default 5).
 */
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { deserialize, serialize } from 'node:v8';
import { chromium } from '@playwright/test';
import { AccountsService } from '../../electron/core/accounts/accounts-service';
import { prepareNodeQrEngine } from '../../electron/core/qr/node-engine';
import { classifyCode } from '../../electron/core/qr/classify-codes';
import { previewCodes } from '../../electron/core/qr/scan-import';
import { ScanSessions } from '../../electron/core/qr/scan-sessions';
import { decodeQrCodes, type RgbaImage } from '../../shared/qr/decode-qr';
import { fakeScreenShares, showOnScreens, type FakeScreen } from '../e2e/harness/fake-screens';
import { startHarness } from '../e2e/harness/harness';
import { openSection } from '../e2e/harness/popup';
import { MemoryVault } from '../unit/accounts/memory-vault';
import { generateCorpus } from './qr-corpus/corpus';
import { encodePng } from './qr-corpus/encode';
import { LIGHT, renderPage } from './qr-corpus/page';
import { totpUri } from './qr-corpus/payloads';
import { seededRandom } from './qr-corpus/prng';
import { plainStyle } from './qr-corpus/raster';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Number(values.runs);

interface Display {
  name: string;
  rgba: RgbaImage;
  /** What desktopCapturer's toBitmap gives for the same screen. */
  bgra: Uint8Array;
  expected: string[];
}

function swapRedBlue(pixels: Uint8Array): Uint8Array {
  for (let i = 0; i + 3 < pixels.length; i += 4) {
    const blue = pixels[i]!;
    pixels[i] = pixels[i + 2]!;
    pixels[i + 2] = blue;
  }
  return pixels;
}

function display(name: string, width: number, height: number, seed: number): Display {
  const random = seededRandom(seed);
  const text = totpUri(random, 'Example', `user${seed}@example.com`);
  const rgba = renderPage(width, height, LIGHT, [{ text, style: plainStyle(Math.round(width / 480)), at: [0.3, 0.3] }], random);
  return { name, rgba, bgra: swapRedBlue(Uint8Array.from(rgba.data)), expected: [text] };
}

/** One IPC crossing: what Electron's structured clone does to the payload, and its size. */
function cross<T>(value: T, meter: { bytes: number }): T {
  const wire = serialize(value);
  meter.bytes += wire.length;
  return deserialize(wire) as T;
}

const accounts = new AccountsService(new MemoryVault(), { now: () => Date.now() });
const PAGE = 'frame:1:1';

async function before(displays: readonly Display[], meter: { bytes: number }): Promise<{ ms: number; texts: string[] }> {
  const t0 = performance.now();
  cross({}, meter);
  const sent = displays.map((d, i) => ({ id: String(i), label: d.name, width: d.rgba.width, height: d.rgba.height, scaleFactor: 1, channelOrder: 'bgra', pixels: new Uint8Array(d.bgra) }));
  const { displays: received } = cross({ displays: sent }, meter);
  const texts: string[] = [];
  for (const d of received) texts.push(...(await decodeQrCodes({ data: swapRedBlue(d.pixels), width: d.width, height: d.height })).map((f) => f.text));
  const request = cross({ texts }, meter);
  cross({ codes: previewCodes(request.texts.map((t) => classifyCode(t)), accounts) }, meter);
  const ms = performance.now() - t0;
  // Save: the texts cross again and are classified a second time.
  cross({ texts, skip: [], replace: [] }, meter);
  texts.map((t) => classifyCode(t));
  return { ms, texts };
}

async function after(displays: readonly Display[], meter: { bytes: number }): Promise<{ ms: number; texts: string[] }> {
  const sessions = new ScanSessions(() => Date.now());
  const t0 = performance.now();
  cross({}, meter);
  cross({ screens: displays.map((d) => ({ label: d.name, width: d.rgba.width, height: d.rgba.height })) }, meter);
  const texts: string[] = [];
  // The frame reaches the page through Chromium's capture pipeline, not IPC; the worker reads it back once.
  for (const d of displays) texts.push(...(await decodeQrCodes({ data: Uint8Array.from(d.rgba.data), width: d.rgba.width, height: d.rgba.height })).map((f) => f.text));
  const request = cross({ texts }, meter);
  const scan = sessions.add(PAGE, request.texts);
  const answer = cross({ token: scan.token, codes: previewCodes(scan.codes, accounts) }, meter);
  const ms = performance.now() - t0;
  cross({ token: answer.token, skip: [], replace: [] }, meter);
  sessions.take(PAGE, answer.token);
  return { ms, texts };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const mb = (bytes: number): string => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(1)} kB`);

await prepareNodeQrEngine();
console.log(`machine: ${availableParallelism()} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} (timings scale with load)`);
const all = [display('1080p', 1920, 1080, 1), display('1440p', 2560, 1440, 2), display('4K', 3840, 2160, 3)];
const setups = [all.slice(0, 1), all.slice(0, 2), all];

console.log('\ncapture → preview, median of', runs, 'runs; IPC bytes per scan (capture, preview and save)');
console.log('displays                 before: ms    IPC bytes   found   after: ms    IPC bytes   found');
for (const displays of setups) {
  const rows = [];
  for (const route of [before, after]) {
    const times: number[] = [];
    const meter = { bytes: 0 };
    let found = 0;
    await route(displays, { bytes: 0 });
    for (let run = 0; run < runs; run++) {
      meter.bytes = 0;
      const { ms, texts } = await route(displays, meter);
      times.push(ms);
      found = displays.reduce((n, d) => n + d.expected.filter((t) => texts.includes(t)).length, 0);
    }
    rows.push(`${median(times).toFixed(0).padStart(8)}  ${mb(meter.bytes).padStart(11)}   ${found}/${displays.length}`);
  }
  console.log(`${displays.map((d) => d.name).join(' + ').padEnd(22)}  ${rows.join('    ')}`);
}

// The held-out-style corpus through the new route's decode step (the canvas's RGBA; the old route handed
// the decoder the same pixels once its BGRA swap was done).
const corpus = generateCorpus(1);
let present = 0, found = 0;
for (const capture of corpus) {
  const { data, width, height } = capture.pixels;
  const texts = (await decodeQrCodes({ data: Uint8Array.from(data), width, height })).map((f) => f.text);
  present += capture.expected.length;
  found += capture.expected.filter((t) => texts.includes(t)).length;
}
console.log(`\ncorpus (seed 1, ${corpus.length} captures) through the new route's decode step: ${found}/${present} codes found`);

// The new route for real in Chromium: the app's renderer (frame grab, worker, decoder, the one call to
// main) on canvas streams standing in for the granted screens, timed from the Scan click to the preview.
console.log('\nin Chromium (e2e harness, built renderer): Scan click → preview, median of', runs, 'runs; bytes over the harness socket per scan');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-gpu', '--no-first-run'],
});
try {
  for (const displays of setups) {
    const screens: FakeScreen[] = displays.map((d) => ({ label: d.name, width: d.rgba.width, height: d.rgba.height, png: encodePng(d.rgba) }));
    const harness = await startHarness({ now: 'system', coreOptions: () => ({ screens: fakeScreenShares(screens) }) });
    const page = await browser.newPage({ viewport: { width: 380, height: 560 } });
    try {
      await harness.attach(page);
      await showOnScreens(page, screens);
      await page.goto(harness.url);
      await openSection(page, 'Scan');
      const times: number[] = [];
      let bytes = 0;
      for (let run = 0; run <= runs; run++) {
        const from = harness.server.traffic.length;
        const t0 = performance.now();
        await page.getByRole('button', { name: 'Scan screen' }).click();
        await page.locator('.scan-status', { hasText: 'found' }).waitFor({ timeout: 60_000 });
        if (run > 0) times.push(performance.now() - t0);
        bytes = harness.server.traffic.slice(from).reduce((n, t) => n + t.sent + t.received, 0);
        await page.getByRole('button', { name: 'Clear' }).click();
        await page.locator('.scan-status').waitFor({ state: 'detached' });
      }
      console.log(`${displays.map((d) => d.name).join(' + ').padEnd(22)}  ${median(times).toFixed(0).padStart(6)} ms  ${mb(bytes).padStart(9)}`);
    } finally {
      await page.close();
      await harness.close();
    }
  }
} finally {
  await browser.close();
}
