/**
 * The acceptance yardstick for `traykey scan`: plain ZXing-C++ WebAssembly (zxing-wasm's readBarcodes with
 * its default options) over image files, printing the texts per file. Time a run of this next to
 * `traykey scan --json` on the same files: `time npx tsx test/bench/qr-baseline.ts FILE...`.
 */
import { readFile } from 'node:fs/promises';
import { readBarcodes } from 'zxing-wasm/reader';
import { prepareNodeQrEngine } from '../../electron/core/qr/node-engine';

await prepareNodeQrEngine();
const out = [];
for (const file of process.argv.slice(2)) {
  const results = await readBarcodes(await readFile(file));
  out.push({ file, codes: results.filter((r) => r.isValid).map((r) => r.text) });
}
console.log(JSON.stringify(out));
