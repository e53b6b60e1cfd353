import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { SyncDevice, SyncService } from '../../core/sync/sync-service';
import type { CliContext } from '../context';
import { readStdin } from './admin-stdin';
import { withInterrupt } from './interrupt';

function withSync<T>(ctx: CliContext, run: (sync: SyncService) => Promise<T>): Promise<T> {
  return ctx.withServices((services) => run(services.sync));
}

const when = (epochMs: number | null): string => (epochMs === null ? 'never' : new Date(epochMs).toISOString());

function deviceLine(device: SyncDevice): string {
  const marks = [device.thisDevice ? 'this computer' : '', device.removed ? 'removed' : ''].filter(Boolean).join(', ');
  return `${device.id}  ${device.name}${marks ? ` (${marks})` : ''}  last seen ${when(device.lastSeen)}\n`;
}

/** `traykey sync …`: end-to-end encrypted sync of the accounts through a folder another app keeps in step. */
export function register(program: Command, ctx: CliContext): void {
  const sync = program.command('sync').description('Sync accounts between your computers through a folder you already sync (Dropbox, OneDrive, iCloud Drive, Syncthing…), end-to-end encrypted. Push enrolments and admin connections stay on each computer.');
  sync
    .command('setup')
    .description('Start a sync group on this computer (the first one), in FOLDER.')
    .requiredOption('--folder <DIR>', 'a folder your sync app keeps in step between your computers')
    .action(async (options: { folder: string }) => {
      // A relative path means the current directory here, as everywhere in a terminal.
      const status = await withSync(ctx, (service) => service.setup(resolve(options.folder)));
      ctx.io.stdout(`Sync is set up with ${status.folder}. Run \`traykey sync pair\` here, then \`traykey sync join --folder DIR\` on the other computer.\n`);
    });
  sync
    .command('pair')
    .description('Print one-use pairing words (first line, alone) and wait up to 10 minutes for a computer to join with them.')
    .action(async () => {
      const joined = await withSync(ctx, (service) =>
        withInterrupt(ctx.io, (signal) =>
          service.pair((words, expiresAt) => {
            ctx.io.stdout(`${words.join(' ')}\n`);
            ctx.io.stderr(`On the other computer run \`traykey sync join --folder DIR\` and type these words; they work once, until ${new Date(expiresAt).toLocaleTimeString()}.\n`);
          }, signal),
        ),
      );
      ctx.io.stdout(`${joined.name} (${joined.id}) joined the sync group.\n`);
    });
  sync
    .command('join')
    .description('Join the sync group in FOLDER with the pairing words another computer shows (read from standard input).')
    .requiredOption('--folder <DIR>', 'the same synced folder the other computer uses')
    .action(async (options: { folder: string }) => {
      const words = await readStdin(ctx.io, { hidden: false });
      const status = await withSync(ctx, (service) => withInterrupt(ctx.io, (signal) => service.join(resolve(options.folder), words, signal)));
      ctx.io.stdout(`Joined the sync group in ${status.folder}: ${status.sentence}.\n`);
    });
  sync
    .command('now')
    .description('Read and write the sync folder once.')
    .action(async () => {
      const report = await withSync(ctx, (service) => service.syncNow());
      ctx.io.stdout(`Merged ${report.merged} change record(s) from other computers, wrote ${report.wrote}${report.compacted ? ' (and a compacted snapshot)' : ''}.\n`);
      for (const problem of report.problems) ctx.io.stderr(`${problem.message}\n`);
    });
  sync
    .command('status')
    .description('Up to date, waiting for a device, or the problem, in one line.')
    .option('--json', 'print {"health","sentence","folder","device","pending","problems"}')
    .action(async (options: { json?: boolean }) => {
      const status = await withSync(ctx, (service) => service.status());
      ctx.io.stdout(options.json ? `${JSON.stringify(status)}\n` : `${status.sentence}\n`);
    });
  sync
    .command('devices')
    .description('The computers in the sync group, with when each was last heard from.')
    .option('--json', 'print an array of {"id","name","thisDevice","lastSeen","removed"} (lastSeen: ISO time or null)')
    .action(async (options: { json?: boolean }) => {
      const devices = await withSync(ctx, async (service) => service.devices());
      if (options.json) ctx.io.stdout(`${JSON.stringify(devices.map((device) => ({ ...device, lastSeen: device.lastSeen === null ? null : new Date(device.lastSeen).toISOString() })))}\n`);
      else ctx.io.stdout(devices.map(deviceLine).join(''));
    });
  sync
    .command('remove-device')
    .description('Remove a computer from the sync group; the others move to a new key it never gets.')
    .argument('<id>', 'the device id, as `traykey sync devices` lists it')
    .action(async (id: string) => {
      const devices = await withSync(ctx, (service) => service.removeDevice(id));
      const removed = devices.find((device) => device.id === id);
      ctx.io.stdout(`Removed ${removed?.name ?? id} from the sync group; it reads nothing written from now on.\n`);
    });
}
