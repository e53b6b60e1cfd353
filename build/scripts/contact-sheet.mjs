// Lays every PNG of a folder on one sheet (named in order, light/dark/zoom side by side) so a person
// can look at all the views at once: `node build/scripts/contact-sheet.mjs shots/ shots/contact-sheet.png`.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';

const [dir, out] = process.argv.slice(2);
if (!dir || !out) {
  console.error('usage: node build/scripts/contact-sheet.mjs FOLDER OUT.png');
  process.exit(2);
}
const names = readdirSync(dir).filter((name) => name.endsWith('.png') && join(dir, name) !== out).sort();
const shots = names.map((name) => PNG.sync.read(readFileSync(join(dir, name))));
const GAP = 12;
const COLUMNS = 6;
const cellWidth = Math.max(...shots.map((shot) => shot.width));
const cellHeight = Math.max(...shots.map((shot) => shot.height));
const rows = Math.ceil(shots.length / COLUMNS);
const sheet = new PNG({ width: COLUMNS * (cellWidth + GAP) + GAP, height: rows * (cellHeight + GAP) + GAP });
sheet.data.fill(128);
shots.forEach((shot, index) => {
  const left = GAP + (index % COLUMNS) * (cellWidth + GAP);
  const top = GAP + Math.floor(index / COLUMNS) * (cellHeight + GAP);
  PNG.bitblt(shot, sheet, 0, 0, shot.width, shot.height, left, top);
});
writeFileSync(out, PNG.sync.write(sheet));
console.log(`${out}: ${shots.length} views`);
