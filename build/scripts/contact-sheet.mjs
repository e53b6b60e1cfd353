// Lays every view of a shots folder on one PNG, composed by Chromium from an HTML grid: one row per
// view, its light, dark and 200% pictures side by side, each named. `npm run shots` calls it; it also
// runs alone: `node build/scripts/contact-sheet.mjs shots/`.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';

const MODES = ['light', 'dark', 'zoom200'];
export const SHEET_NAME = 'contact-sheet.png';

const escape = (text) => text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);

function sheetHtml(folder) {
  const names = readdirSync(folder).filter((name) => name.endsWith('.png') && name !== SHEET_NAME);
  const views = [...new Set(names.map((name) => name.replace(new RegExp(`-(${MODES.join('|')})\\.png$`), '')))].sort();
  const cell = (view, mode) => {
    const name = `${view}-${mode}.png`;
    if (!names.includes(name)) return '<td></td>';
    const data = readFileSync(join(folder, name)).toString('base64');
    return `<td><img src="data:image/png;base64,${data}" alt=""></td>`;
  };
  const rows = views.map((view) => `<tr><th scope="row">${escape(view)}</th>${MODES.map((mode) => cell(view, mode)).join('')}</tr>`).join('\n');
  return `<!doctype html><meta charset="utf-8"><style>
    body { margin: 16px; background: #8a8f98; font: 14px system-ui, sans-serif; }
    table { border-spacing: 12px; }
    th { color: #fff; text-align: left; vertical-align: top; white-space: nowrap; }
    td { vertical-align: top; }
    /* 200% pictures have twice the pixels: shown at the size of the others, as a person would see the window. */
    img { display: block; max-width: 900px; max-height: 600px; box-shadow: 0 1px 4px rgb(0 0 0 / 0.4); }
  </style><table><thead><tr><th></th>${MODES.map((mode) => `<th scope="col">${mode}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>`;
}

/** Writes FOLDER/contact-sheet.png and returns its name. */
export async function writeContactSheet(folder) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    await page.setContent(sheetHtml(folder));
    await page.screenshot({ path: join(folder, SHEET_NAME), fullPage: true });
  } finally {
    await browser.close();
  }
  return SHEET_NAME;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const folder = resolve(process.argv[2] ?? 'shots');
  console.log(`${join(folder, await writeContactSheet(folder))}`);
}
