import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSyncFolder } from '../../../electron/core/sync/folder/folder-choice';
import { appSyncWording, cliSyncWording } from '../../../electron/core/sync/sync-wording';
import { expectAppError } from '../../support/expect-app-error';
import { tempHome } from '../../support/temp-home';

/** A machine with a data folder and a Dropbox folder beside it. */
async function machine() {
  const root = await tempHome('folder-choice');
  const home = join(root, 'traykey-data');
  const dropbox = join(root, 'Dropbox');
  await mkdir(home);
  await mkdir(dropbox);
  return { root, home, dropbox };
}

async function refusal(input: string, use: 'setup' | 'join', home: string, wording = appSyncWording): Promise<string> {
  const error = await expectAppError(() => checkSyncFolder(input, use, home, wording, 'linux'), 'INVALID_INPUT');
  expect(error.field).toBe('folder');
  return error.message;
}

describe('the synced folder a person types or chooses', () => {
  it('is taken as a full path, tidied, when it is a folder outside Traykey’s data folder', async () => {
    const { home, dropbox } = await machine();
    expect(await checkSyncFolder(`  ${dropbox}/./  `, 'join', home, appSyncWording)).toBe(dropbox);
  });

  it('may be made by setup inside a folder that exists, and is not made by the check', async () => {
    const { home, dropbox } = await machine();
    expect(await checkSyncFolder(join(dropbox, 'Traykey'), 'setup', home, appSyncWording)).toBe(join(dropbox, 'Traykey'));
    expect(await readdir(dropbox)).toEqual([]);
  });

  it('names the missing folder when a typo leaves setup nothing to make it in', async () => {
    const { root, home } = await machine();
    const message = await refusal(join(root, 'Dropbx', 'Traykey'), 'setup', home);
    expect(message).toBe(`The folder ${join(root, 'Dropbx')} is not on this computer, so Traykey cannot make ${join(root, 'Dropbx', 'Traykey')} in it: check the path for a typo, or pick it with the Choose folder… button.`);
  });

  it('must be there already to join, since the other computer’s sync app brings it', async () => {
    const { dropbox, home } = await machine();
    expect(await refusal(join(dropbox, 'Traykey'), 'join', home)).toMatch(/is not on this computer yet: check the path, or wait until your sync app has brought it over/);
  });

  it('refuses a relative path with an example of a full one and the picker', async () => {
    const { home } = await machine();
    expect(await refusal('Dropbox/Traykey', 'setup', home)).toBe('The path “Dropbox/Traykey” is not a full path: type it from the top of the drive, like /home/you/Dropbox/Traykey, or pick it with the Choose folder… button.');
    expect(await refusal('   ', 'setup', home)).toBe('Type the full path of a folder your sync app keeps in step, or pick it with the Choose folder… button.');
  });

  it('refuses Traykey’s own data folder and anything inside it, which nothing syncs', async () => {
    const { home } = await machine();
    expect(await refusal(home, 'setup', home)).toMatch(/inside Traykey’s own data folder/);
    expect(await refusal(join(home, 'sync'), 'setup', home)).toMatch(/inside Traykey’s own data folder/);
  });

  it('refuses a file, the top of a drive, and making a folder right at the top of one', async () => {
    const { dropbox, home } = await machine();
    await writeFile(join(dropbox, 'notes.txt'), 'x');
    expect(await refusal(join(dropbox, 'notes.txt'), 'setup', home)).toMatch(/is a file, not a folder/);
    expect(await refusal('/', 'setup', home)).toMatch(/is the top of a drive/);
    expect(await refusal('/traykey-sync-test-never-made', 'setup', home)).toMatch(/does not make folders at the top of a drive/);
  });

  it('does not offer a picker in the CLI’s words', async () => {
    const { root, home } = await machine();
    expect(await refusal(join(root, 'Dropbx', 'Traykey'), 'setup', home, cliSyncWording)).toMatch(/check the path for a typo\.$/);
  });
});
