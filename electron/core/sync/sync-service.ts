import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { appError } from '../../../shared/errors';
import { generateDeviceKeys, unwrapKey, wrapKeyFor, type DeviceKeys } from './crypto/device-keys';
import { checkSyncFolder } from './folder/folder-choice';
import { folderExists, prepareFolder, readFolder } from './folder/sync-folder';
import { SYNC_SECTION, newSection, requireSection, syncSectionIn, type SyncSection } from './engine/local-section';
import { clockFor, queueOps, rekey } from './engine/own-log';
import { nameOf } from './engine/read-devices';
import { printableName } from './printable-name';
import { appSyncWording, type SyncWording } from './sync-wording';
import { SyncEngine, type RoundReport, type SyncVault } from './engine/sync-engine';
import { HybridClock } from './merge/hlc';
import { applyOp, emptyState } from './merge/state';
import { newPairingWords, PAIRING_LIFETIME_MS, pairingSecrets, parsePairingWords } from './pairing/pairing-code';
import { joinBody, offerBody, readPairingFile, removePairingFile, welcomeBody, writePairingFile } from './pairing/pairing-files';

export interface SyncServiceOptions {
  vault: SyncVault;
  /** The data folder: the sync lock sits beside the vault. */
  home: string;
  now: () => number;
  /** Pauses while waiting for the other side of a pairing (tests pass a fast one). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  deviceName?: string;
  /** Where the sentences send the person next: the app's screens (the default) or the CLI's commands. */
  wording?: SyncWording;
}

export type SyncHealth = 'off' | 'up-to-date' | 'waiting' | 'problem';

export interface SyncStatus {
  health: SyncHealth;
  /** "up to date", "waiting for <device>: reason" or "problem: sentence". */
  sentence: string;
  folder?: string;
  device?: string;
  /** Changes made here that have not reached the folder yet. */
  pending: number;
  problems: { code: string; device?: string; message: string }[];
}

export interface SyncDevice {
  id: string;
  name: string;
  thisDevice: boolean;
  /** Epoch ms when something new from it was last read here (for this device: last written). */
  lastSeen: number | null;
  removed: boolean;
}

const POLL_MS = 250;
const OFF: SyncStatus = { health: 'off', sentence: 'off', pending: 0, problems: [] };

const realSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolveSleep) => {
    const timer = setTimeout(resolveSleep, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolveSleep();
    }, { once: true });
  });

const newDeviceId = (): string => randomBytes(10).toString('hex').slice(0, 16);

/** The status sentence for a round's (or a preview's) report; `unmerged`: new records are waiting to be merged. */
function describe(section: SyncSection, report: Pick<RoundReport, 'pending' | 'problems' | 'waiting'>, unmerged: boolean): SyncStatus {
  const base = { folder: section.folder, device: section.device.id, pending: report.pending, problems: report.problems };
  const problem = report.problems[0];
  if (problem) return { ...base, health: 'problem', sentence: `problem: ${problem.message}` };
  const waiting = report.waiting[0];
  if (waiting) return { ...base, health: 'waiting', sentence: `waiting for ${nameOf(section, waiting.device)}: ${waiting.reason}` };
  if (unmerged || report.pending > 0) return { ...base, health: 'waiting', sentence: report.pending > 0 ? `waiting to write ${report.pending} change(s) to the folder` : 'waiting: new changes in the folder are about to be merged' };
  return { ...base, health: 'up-to-date', sentence: 'up to date' };
}

/** Sync's use cases, called alike by the IPC handlers and the CLI. */
export class SyncService {
  private readonly engine: SyncEngine;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly wording: SyncWording;

  constructor(private readonly options: SyncServiceOptions) {
    this.engine = new SyncEngine(options.vault, { now: options.now, lockPath: join(options.home, 'sync.lock') });
    this.sleep = options.sleep ?? realSleep;
    this.wording = options.wording ?? appSyncWording;
  }

  isSetUp(): boolean {
    return syncSectionIn(this.options.vault.read()) !== undefined;
  }

  /** The folder to watch and this computer's device id (its own files need no round), or undefined when sync is off. */
  watchTarget(): { folder: string; device: string } | undefined {
    const section = syncSectionIn(this.options.vault.read());
    return section && { folder: section.folder, device: section.device.id };
  }

  /** Makes this computer the first of a new group syncing through `folderInput` (a full path). */
  async setup(folderInput: string): Promise<SyncStatus> {
    this.refuseIfSetUp();
    const folder = await checkSyncFolder(folderInput, 'setup', this.options.home, this.wording);
    const existing = await readFolder(folder).catch(() => ({ present: false as const }));
    if (existing.present && existing.devices.size > 0) throw appError('DUPLICATE', this.wording.joinExisting(folder), { field: 'folder' });
    await prepareFolder(folder).catch(() => {
      throw appError('NOT_FOUND', `Traykey cannot create or write the folder ${folder}; choose a folder your sync app keeps in step and you may write to${this.wording.pickFolder}.`, { field: 'folder' });
    });
    const keys = generateDeviceKeys();
    const id = newDeviceId();
    const clock = new HybridClock(id, this.options.now);
    const keyId = randomBytes(8).toString('hex');
    const section = newSection({ folder, device: { id, name: this.deviceName(), ...keys }, keys: { [keyId]: { secret: randomBytes(32).toString('base64'), t: clock.tick(), for: [id] } }, writeKey: keyId });
    section.state.clock = section.keys[keyId]!.t;
    this.addMember(section, id, section.device.name, keys);
    await this.save(section);
    await this.engine.round();
    return this.status();
  }

  /**
   * Shows `words` (through onWords) and waits, up to ten minutes, for one computer to join with them.
   * One attempt only: a join request the words do not open cancels the pairing.
   */
  async pair(onWords: (words: string[], expiresAt: number) => void, signal?: AbortSignal): Promise<SyncDevice> {
    const section = this.section();
    if (!(await folderExists(section.folder))) throw appError('NOT_FOUND', `The sync folder ${section.folder} is missing; pairing needs it.`);
    const words = newPairingWords();
    const secrets = await pairingSecrets(words);
    const expiresAt = this.options.now() + PAIRING_LIFETIME_MS;
    await writePairingFile(section.folder, secrets, 'offer', { inviter: section.device.id, expiresAt });
    onWords(words, expiresAt);
    try {
      const request = await this.waitForFile(() => readPairingFile(section.folder, secrets, 'join', joinBody), expiresAt, signal);
      await removePairingFile(section.folder, secrets, 'offer');
      if (request === 'forged') throw appError('INVALID_INPUT', 'A computer tried to join with the wrong pairing words, so the pairing was cancelled; start pairing again.');
      if (request === 'absent') throw appError('TIMEOUT', 'No computer joined within 10 minutes; the pairing words have expired.');
      const joined = await this.options.vault.update((doc) => {
        const current = requireSection(doc);
        if (current.state.members[request.device]) throw appError('DUPLICATE', 'That computer is already in the sync group.');
        this.addMember(current, request.device, request.name, { sign: { publicKey: request.sign, privateKey: '' }, box: { publicKey: request.box, privateKey: '' } });
        // Every key so far, so the new computer can read records written before it joined.
        for (const entry of Object.values(current.keys)) entry.for = [...new Set([...entry.for, request.device])].sort();
        doc[SYNC_SECTION] = current;
        return current;
      });
      const keys = Object.fromEntries(Object.entries(joined.keys).map(([keyId, entry]) => [keyId, { t: entry.t, for: entry.for, wrap: wrapKeyFor(request.box, request.device, keyId, Buffer.from(entry.secret, 'base64')) }]));
      await this.engine.round();
      await writePairingFile(section.folder, secrets, 'welcome', { inviter: joined.device.id, members: joined.state.members, keys, writeKey: joined.writeKey });
      await this.waitForFile(async () => ((await this.hasWritten(section.folder, request.device)) ? true : 'absent'), expiresAt, signal);
      return this.devices().find((device) => device.id === request.device)!;
    } finally {
      await removePairingFile(section.folder, secrets, 'offer');
      await removePairingFile(section.folder, secrets, 'welcome');
    }
  }

  /** Joins the group syncing through `folderInput` (a full path) with the words another computer shows. */
  async join(folderInput: string, wordsText: string, signal?: AbortSignal): Promise<SyncStatus> {
    this.refuseIfSetUp();
    const folder = await checkSyncFolder(folderInput, 'join', this.options.home, this.wording);
    const words = parsePairingWords(wordsText);
    const secrets = await pairingSecrets(words);
    const deadline = this.options.now() + PAIRING_LIFETIME_MS;
    const offer = await this.waitForFile(() => readPairingFile(folder, secrets, 'offer', offerBody), deadline, signal);
    if (offer === 'forged' || offer === 'absent') throw appError('NOT_FOUND', `No pairing with these words is waiting in ${folder}: check the words and the folder, and that the other computer still shows them.`);
    const keys: DeviceKeys = generateDeviceKeys();
    const id = newDeviceId();
    const name = this.deviceName();
    await writePairingFile(folder, secrets, 'join', { device: id, name, sign: keys.sign.publicKey, box: keys.box.publicKey });
    try {
      const welcome = await this.waitForFile(() => readPairingFile(folder, secrets, 'welcome', welcomeBody), Math.min(deadline, offer.expiresAt + 60_000), signal);
      if (welcome === 'forged' || welcome === 'absent') throw appError('TIMEOUT', 'The other computer did not let this one in; start pairing again there.');
      const groupKeys: SyncSection['keys'] = {};
      for (const [keyId, entry] of Object.entries(welcome.keys)) {
        const key = unwrapKey(keys.box.privateKey, id, keyId, entry.wrap);
        if (!key) throw appError('INVALID_INPUT', 'The other computer’s answer could not be opened; start pairing again.');
        groupKeys[keyId] = { secret: key.toString('base64'), t: entry.t, for: entry.for };
      }
      if (!welcome.members[id] || !groupKeys[welcome.writeKey]) throw appError('INVALID_INPUT', 'The other computer’s answer does not include this computer; start pairing again.');
      const state = emptyState();
      state.members = welcome.members;
      state.clock = Object.values(welcome.members).reduce((latest, member) => (member.added > latest ? member.added : latest), '');
      const section = newSection({ folder, device: { id, name, ...keys }, keys: groupKeys, writeKey: welcome.writeKey, state });
      // A first record, even with no accounts here, tells the inviting computer this one is in.
      section.outbox.push({ seq: section.nextSeq++, kind: 'ops', keyId: section.writeKey, body: JSON.stringify({ ops: [] }) });
      await this.save(section);
      await this.engine.round();
      return this.status();
    } finally {
      await removePairingFile(folder, secrets, 'join');
    }
  }

  /** Reads and writes the folder once. */
  async syncNow(): Promise<RoundReport> {
    this.section();
    return (await this.engine.round()).report;
  }

  /**
   * Reads and writes the folder once; the status is the round's own, with no second look at the folder.
   * `onMerged`: see SyncEngine.round — merged accounts are readable before the vault file is written.
   */
  async syncNowWithStatus(onMerged?: () => void): Promise<{ report: RoundReport; status: SyncStatus }> {
    const { report, section } = await this.engine.round(onMerged);
    return { report, status: describe(section, report, false) };
  }

  /** Where sync stands, from a fresh look at the folder (nothing is written). */
  async status(): Promise<SyncStatus> {
    if (!this.isSetUp()) return OFF;
    const { report, section } = await this.engine.preview();
    // In a preview, records counted as merged are ones the next round will merge.
    return describe(section, report, report.merged > 0);
  }

  devices(): SyncDevice[] {
    const section = this.section();
    return Object.entries(section.state.members)
      .filter(([, member]) => member.sign !== '')
      .map(([id, member]) => {
        const own = id === section.device.id;
        const lastSeen = own ? (section.lastWriteAt ?? null) : section.seen[id]?.at || null;
        return { id, name: printableName(member.name), thisDevice: own, lastSeen, removed: member.removed !== undefined };
      })
      .sort((a, b) => (a.thisDevice !== b.thisDevice ? (a.thisDevice ? -1 : 1) : a.name.localeCompare(b.name)));
  }

  /** Removes a device from the group and moves everyone else to a new key it never receives. */
  async removeDevice(id: string): Promise<SyncDevice[]> {
    this.section();
    await this.options.vault.update((doc) => {
      const section = requireSection(doc);
      const member = section.state.members[id];
      if (!member || member.sign === '') throw appError('NOT_FOUND', this.wording.unknownDevice);
      if (id === section.device.id) throw appError('INVALID_INPUT', 'This computer cannot remove itself; remove it from another computer in the group.');
      if (member.removed) throw appError('NOT_FOUND', `${nameOf(section, id)} was already removed.`);
      const op = { k: 'remove' as const, t: clockFor(section, this.options.now).tick(), d: id };
      applyOp(section.state, op);
      queueOps(section, [op]);
      rekey(section, this.options.now);
      doc[SYNC_SECTION] = section;
    });
    await this.engine.round();
    return this.devices();
  }

  /** This computer's sync section; NOT_FOUND, in the surface's words, when sync is not set up. */
  private section(): SyncSection {
    const section = syncSectionIn(this.options.vault.read());
    if (!section) throw appError('NOT_FOUND', this.wording.notSetUp);
    return section;
  }

  private refuseIfSetUp(): void {
    const section = syncSectionIn(this.options.vault.read());
    if (section) throw appError('DUPLICATE', `Sync is already set up on this computer, with ${section.folder}.`);
  }

  private deviceName(): string {
    return (this.options.deviceName ?? hostname()).slice(0, 100) || 'Computer';
  }

  private addMember(section: SyncSection, device: string, name: string, keys: DeviceKeys): void {
    const op = { k: 'member' as const, t: clockFor(section, this.options.now).tick(), d: device, name, sign: keys.sign.publicKey, box: keys.box.publicKey };
    applyOp(section.state, op);
    queueOps(section, [op]);
  }

  private async save(section: SyncSection): Promise<void> {
    await this.options.vault.update((doc) => {
      doc[SYNC_SECTION] = section;
    });
  }

  private async hasWritten(folder: string, device: string): Promise<boolean> {
    const view = await readFolder(folder).catch(() => undefined);
    return Boolean(view?.present && view.devices.get(device)?.log?.length);
  }

  /** Polls until the file is there (or forged), the deadline passes, or the signal aborts. */
  private async waitForFile<T>(read: () => Promise<T | 'absent' | 'forged'>, deadline: number, signal?: AbortSignal): Promise<T | 'absent' | 'forged'> {
    for (;;) {
      let found = await read();
      if (found === 'forged') {
        // A sync client may still be writing it: look once more before calling it forged.
        await this.sleep(1_000, signal);
        found = await read();
      }
      if (found !== 'absent') return found;
      if (signal?.aborted || this.options.now() >= deadline) return 'absent';
      await this.sleep(POLL_MS, signal);
    }
  }
}
