/**
 * The sentences that tell a person where to go next, which differ by where they are: the app names its
 * screens and buttons, the CLI its commands. Everything else sync says is the same in both.
 */
export interface SyncWording {
  /** Sync is not set up on this computer. */
  notSetUp: string;
  /** `folder` already holds a sync group, so this computer should join it instead of starting one. */
  joinExisting(folder: string): string;
  /** A device id that is not in the group. */
  unknownDevice: string;
  /** Ends a sentence about a folder path: how to pick one instead of typing it ('' where there is no picker). */
  pickFolder: string;
}

export const appSyncWording: SyncWording = {
  notSetUp: 'Sync is not set up on this computer: open Settings → Sync to start syncing or to join your other computer.',
  joinExisting: (folder) => `The folder ${folder} already holds your accounts from another computer: join that group instead, with Pair a computer in Settings → Sync there and the six words it shows.`,
  unknownDevice: 'That computer is not in the sync group any more; Settings → Sync lists the ones that are.',
  pickFolder: ', or pick it with the Choose folder… button',
};

export const cliSyncWording: SyncWording = {
  notSetUp: 'Sync is not set up on this computer: run `traykey sync setup --folder DIR` or `traykey sync join --folder DIR`.',
  joinExisting: (folder) => `The folder ${folder} already holds a Traykey sync group: join it with \`traykey sync join --folder ${folder}\` instead.`,
  unknownDevice: 'No such device is in the sync group; `traykey sync devices` lists them.',
  pickFolder: '',
};
