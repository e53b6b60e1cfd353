/**
 * `npm run bench:qr`: the shipped decoder (ZXing-C++ in WebAssembly) against jsQR and a plain ZXing run
 * on the same generated screen captures. Prints detection and decode time per capture.
 * Options: --only TEXT (decoders whose name contains TEXT), --seed N (another corpus), --runs N (timed repetitions), --write DIR (save the captures and
 * expected.json, for trying `traykey scan` on captures the tests never saw).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readBarcodes } from 'zxing-wasm/reader';
import { prepareNodeQrEngine } from '../../electron/core/qr/node-engine';
import { decodeQrCodes } from '../../shared/qr/decode-qr';
import { generateCorpus, type Capture } from './qr-corpus/corpus';
import { jsqrDecodeAll } from './qr-corpus/jsqr-multi';

const { values } = parseArgs({ options: { only: { type: 'string' }, seed: { type: 'string', default: '1' }, runs: { type: 'string', default: '3' }, write: { type: 'string' } } });
const runs = Number(values.runs);

interface Decoder {
  name: string;
  decode: (capture: Capture) => Promise<string[]> | string[];
}

const decoders: Decoder[] = [
  { name: 'zxing-wasm (shipped options), pixels', decode: async (c) => (await decodeQrCodes(c.pixels)).map((f) => f.text) },
  { name: 'zxing-wasm (shipped options), file bytes', decode: async (c) => (await decodeQrCodes(c.file)).map((f) => f.text) },
  { name: 'zxing-wasm plain defaults, file bytes', decode: async (c) => (await readBarcodes(c.file)).map((r) => r.text) },
  { name: 'jsQR 1.4 (attemptBoth, repeated per code), pixels', decode: (c) => jsqrDecodeAll(c.pixels) },
];

const quantile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

await prepareNodeQrEngine();
const started = performance.now();
const corpus = generateCorpus(Number(values.seed));
console.log(`machine: ${availableParallelism()} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} (timings scale with load)`);
console.log(`corpus: ${corpus.length} captures, ${corpus.reduce((n, c) => n + c.expected.length, 0)} codes, drawn in ${Math.round(performance.now() - started)} ms (seed ${values.seed})`);

if (values.write !== undefined) {
  mkdirSync(values.write, { recursive: true });
  const expected = corpus.map((c, i) => {
    const file = `${String(i).padStart(2, '0')}-${c.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.${c.format === 'png' ? 'png' : 'jpg'}`;
    writeFileSync(join(values.write!, file), c.file);
    return { file, codes: c.expected };
  });
  writeFileSync(join(values.write, 'expected.json'), JSON.stringify(expected, null, 2));
  console.log(`wrote ${corpus.length} captures to ${values.write}`);
}

const missedBy = new Map<string, string[]>();
for (const decoder of decoders.filter((d) => values.only === undefined || d.name.includes(values.only))) {
  await decoder.decode(corpus[0]!);
  let found = 0, present = 0, invented = 0;
  const all: number[] = [], upTo1440: number[] = [];
  const missed: string[] = [];
  for (const capture of corpus) {
    let texts: string[] = [];
    for (let run = 0; run < runs; run++) {
      const t0 = performance.now();
      texts = await decoder.decode(capture);
      const ms = performance.now() - t0;
      all.push(ms);
      if (capture.width * capture.height <= 2560 * 1440) upTo1440.push(ms);
    }
    present += capture.expected.length;
    found += capture.expected.filter((t) => texts.includes(t)).length;
    invented += texts.filter((t) => !capture.expected.includes(t)).length;
    if (capture.expected.some((t) => !texts.includes(t))) missed.push(capture.name);
  }
  all.sort((a, b) => a - b);
  upTo1440.sort((a, b) => a - b);
  missedBy.set(decoder.name, missed);
  console.log(`\n${decoder.name}`);
  console.log(`  detection: ${found}/${present} codes found, ${invented} false positives`);
  console.log(`  ms per capture, all sizes:        median ${quantile(all, 0.5).toFixed(1)}  p95 ${quantile(all, 0.95).toFixed(1)}`);
  console.log(`  ms per capture, up to 2560x1440:  median ${quantile(upTo1440, 0.5).toFixed(1)}  p95 ${quantile(upTo1440, 0.95).toFixed(1)}`);
  if (missed.length > 0) console.log(`  missed codes in: ${missed.join('; ')}`);
}

const shippedMissed = missedBy.get(decoders[0]!.name);
const jsqrMissed = missedBy.get(decoders[3]!.name);
if (shippedMissed !== undefined && jsqrMissed !== undefined) {
  const jsqrOnly = shippedMissed.filter((name) => !jsqrMissed.includes(name));
  console.log(`\ncaptures where jsQR finds a code the shipped decoder misses: ${jsqrOnly.length === 0 ? 'none' : jsqrOnly.join('; ')}`);
}
