import { stat } from 'node:fs/promises';
import { dirname, isAbsolute, normalize, parse, relative, sep } from 'node:path';
import { appError } from '../../../../shared/errors';
import type { SyncWording } from '../sync-wording';

/** What the folder is for: starting a group (it may be created, inside a folder that exists) or joining one (it must be there). */
export type FolderUse = 'setup' | 'join';

const EXAMPLE: Partial<Record<NodeJS.Platform, string>> = { win32: 'C:\\Users\\you\\Dropbox\\Traykey', darwin: '/Users/you/Dropbox/Traykey' };

const invalid = (message: string) => appError('INVALID_INPUT', message, { field: 'folder' });

async function kindOf(path: string): Promise<'folder' | 'file' | 'missing'> {
  const found = await stat(path).catch(() => undefined);
  if (!found) return 'missing';
  return found.isDirectory() ? 'folder' : 'file';
}

/**
 * The synced folder a person typed or chose, checked before anything is written, with a sentence they
 * can act on: a full path, outside Traykey's own data folder (`home`, which no sync app keeps in step),
 * and there (for a join) or inside a folder that is there (for a setup, which creates it). A typo then
 * never quietly starts a group in a folder nothing syncs.
 */
export async function checkSyncFolder(input: string, use: FolderUse, home: string, wording: SyncWording, platform: NodeJS.Platform = process.platform): Promise<string> {
  const typed = input.trim();
  if (typed === '') throw invalid(`Type the full path of a folder your sync app keeps in step${wording.pickFolder}.`);
  if (!isAbsolute(typed)) throw invalid(`The path “${typed}” is not a full path: type it from the top of the drive, like ${EXAMPLE[platform] ?? '/home/you/Dropbox/Traykey'}${wording.pickFolder}.`);
  const normal = normalize(typed);
  const top = parse(normal).root;
  const folder = normal.length > top.length ? normal.replace(/[\\/]+$/, '') : normal;
  const fromHome = relative(home, folder);
  if (fromHome === '' || (fromHome !== '..' && !fromHome.startsWith(`..${sep}`) && !isAbsolute(fromHome))) {
    throw invalid(`The folder ${folder} is inside Traykey’s own data folder, which no sync app keeps in step: choose a folder inside Dropbox, OneDrive, iCloud Drive or another synced folder.`);
  }
  if (folder === top) throw invalid(`The path ${folder} is the top of a drive, not a synced folder: choose the folder your sync app keeps in step${wording.pickFolder}.`);
  const kind = await kindOf(folder);
  if (kind === 'file') throw invalid(`The path ${folder} is a file, not a folder: choose a folder${wording.pickFolder}.`);
  if (kind === 'folder') return folder;
  if (use === 'join') throw invalid(`The folder ${folder} is not on this computer yet: check the path, or wait until your sync app has brought it over from your other computer.`);
  const parent = dirname(folder);
  if (parent === top) throw invalid(`Traykey does not make folders at the top of a drive: choose a folder inside the one your sync app keeps in step${wording.pickFolder}.`);
  if ((await kindOf(parent)) !== 'folder') throw invalid(`The folder ${parent} is not on this computer, so Traykey cannot make ${folder} in it: check the path for a typo${wording.pickFolder}.`);
  return folder;
}
