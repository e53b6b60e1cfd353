import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { AccountsService } from '../../../electron/core/accounts/accounts-service';
import { syncedAccounts } from '../../../electron/core/accounts/synced-accounts';
import { SyncService } from '../../../electron/core/sync/sync-service';
import { Vault } from '../../../electron/core/vault/vault';
import { tempHome } from '../../support/temp-home';

const TEST_SCRYPT = { N: 1024, r: 8, p: 1 };

export interface Machine {
  name: string;
  home: string;
  vault: Vault;
  accounts: AccountsService;
  sync: SyncService;
  /** The accounts as the user sees them: names in order. */
  names(): string[];
}

/** Machines with their own data folder (vault) sharing one sync folder, on one test clock; their folders go when the test finishes. */
export async function syncWorld() {
  const root = await tempHome('sync');
  // The sync app's folder exists; Traykey's folder inside it is made by the first computer's setup.
  const folder = join(root, 'Dropbox', 'Traykey');
  await mkdir(dirname(folder));
  let time = 1_790_000_000_000;
  const now = () => time;
  const machines: Machine[] = [];

  async function machine(name: string): Promise<Machine> {
    const home = join(root, name);
    const vault = await Vault.open({ home, keySource: { kind: 'passphrase', passphrase: 'pw' }, unsafeTestScrypt: TEST_SCRYPT, now });
    const sync = new SyncService({ vault, home, now, deviceName: name, sleep: () => new Promise((resolve) => setTimeout(resolve, 10)) });
    const accounts = syncedAccounts(vault, { now });
    const entry: Machine = { name, home, vault, accounts, sync, names: () => accounts.list().map((account) => `${account.issuer}:${account.label}`) };
    machines.push(entry);
    return entry;
  }

  /** Pairs `joiner` into the group through `inviter`, the words passed as a person would type them. */
  async function pair(inviter: Machine, joiner: Machine): Promise<void> {
    let give!: (text: string) => void;
    const words = new Promise<string>((resolve) => (give = resolve));
    const paired = inviter.sync.pair((list) => give(list.join(' ')));
    await joiner.sync.join(folder, await words);
    await paired;
  }

  /** Every machine syncs until a whole pass merges and writes nothing. */
  async function settle(): Promise<void> {
    for (let pass = 0; pass < 6; pass++) {
      let activity = 0;
      for (const entry of machines) {
        const report = await entry.sync.syncNow();
        activity += report.merged + report.wrote;
      }
      if (activity === 0) return;
    }
    throw new Error('sync did not settle');
  }

  return {
    root,
    folder,
    machine,
    pair,
    settle,
    advance: (ms: number) => void (time += ms),
    close() {
      for (const entry of machines) entry.vault.close();
    },
  };
}

export const totp = (issuer: string, label: string, secret: string) => `otpauth://totp/${encodeURIComponent(issuer)}:${encodeURIComponent(label)}?secret=${secret}&issuer=${encodeURIComponent(issuer)}`;
