import { inflateRawSync } from 'node:zlib';
import { z } from 'zod';
import { decodeFrames, openFrame, RecordKind, verifyFrame, type Frame } from '../crypto/record-codec';
import { unwrapKey } from '../crypto/device-keys';
import type { DeviceFiles, FolderView } from '../folder/sync-folder';
import { syncOp } from '../merge/ops';
import { applyOp, mergeState, type MergeState } from '../merge/state';
import type { SyncSection } from './local-section';
import { printableName } from '../printable-name';

export type ProblemCode = 'UNKNOWN_DEVICE' | 'TAMPERED' | 'ROLLED_BACK' | 'REPLAYED' | 'DAMAGED' | 'FOLDER_MISSING' | 'REMOVED';

/** Something in the folder that was refused and not merged, in a sentence for people. */
export interface SyncProblem {
  code: ProblemCode;
  device?: string;
  message: string;
}

/** A device whose newest changes are not readable yet (still arriving, or waiting for an earlier file). */
export interface SyncWaiting {
  device: string;
  reason: string;
}

export interface ReadOutcome {
  /** Records merged this time. */
  merged: number;
  problems: SyncProblem[];
  waiting: SyncWaiting[];
}

const opsPayload = z.object({ ops: z.array(syncOp).max(100_000) });
const keyPayload = z.object({ keyId: z.string(), t: z.string(), wraps: z.record(z.string(), z.object({ epk: z.string(), box: z.string() })) });
export type KeyPayload = z.infer<typeof keyPayload>;

const parseJson = (bytes: Buffer): unknown => {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
};

export function nameOf(section: SyncSection, device: string): string {
  const name = section.state.members[device]?.name;
  return name ? `“${printableName(name)}” (${device})` : device;
}

/** The key with the latest clock that this device holds: what it writes with. */
export function latestKey(section: SyncSection): string {
  let best = section.writeKey;
  for (const [id, entry] of Object.entries(section.keys)) if (entry.t > (section.keys[best]?.t ?? '')) best = id;
  return best;
}

/** Takes in a key record: adds the key when it was wrapped for this device. False when it is damaged. */
function learnKey(section: SyncSection, frame: Frame): boolean | 'not-for-us' {
  const parsed = keyPayload.safeParse(parseJson(frame.payload));
  if (!parsed.success || parsed.data.keyId !== frame.header.keyId) return false;
  if (section.keys[parsed.data.keyId]) return true;
  const wrapped = parsed.data.wraps[section.device.id];
  if (!wrapped) return 'not-for-us';
  const key = unwrapKey(section.device.box.privateKey, section.device.id, parsed.data.keyId, wrapped);
  if (!key) return false;
  section.keys[parsed.data.keyId] = { secret: key.toString('base64'), t: parsed.data.t, for: Object.keys(parsed.data.wraps).sort() };
  section.writeKey = latestKey(section);
  return true;
}

const keyOf = (section: SyncSection, keyId: string): Buffer | undefined => {
  const entry = section.keys[keyId];
  return entry ? Buffer.from(entry.secret, 'base64') : undefined;
};

class DeviceReader {
  constructor(
    private readonly section: SyncSection,
    private readonly device: string,
    private readonly signKey: string,
    private readonly outcome: ReadOutcome,
    private readonly now: number,
  ) {}

  private problem(code: ProblemCode, message: string): void {
    this.outcome.problems.push({ code, device: this.device, message });
  }

  private wait(reason: string): void {
    this.outcome.waiting.push({ device: this.device, reason });
  }

  private get seen() {
    return (this.section.seen[this.device] ??= { seq: 0, offset: 0, at: 0 });
  }

  /** Checks who wrote a record; false (with the problem reported) when it must not be merged. */
  private authentic(frame: Frame, file: string): boolean {
    const name = nameOf(this.section, this.device);
    if (frame.header.device !== this.device) {
      this.problem('REPLAYED', `A record from device ${frame.header.device} was found in ${name}’s ${file} and refused: records cannot move between devices.`);
      return false;
    }
    if (!verifyFrame(frame, this.signKey)) {
      this.problem('TAMPERED', `Record ${frame.header.seq} of ${name}’s ${file} fails its signature check: it was altered or damaged, and was not merged.`);
      return false;
    }
    return true;
  }

  private takeKey(frame: Frame, file: string): boolean {
    if (learnKey(this.section, frame) === false) {
      this.problem('DAMAGED', `A key record in ${nameOf(this.section, this.device)}’s ${file} cannot be opened; it was not used.`);
      return false;
    }
    return true;
  }

  /** The plaintext of an encrypted record, or undefined (reported) when it cannot be opened. */
  private open(frame: Frame, file: string): Buffer | undefined | 'no-key' {
    const key = keyOf(this.section, frame.header.keyId);
    if (!key) return 'no-key';
    const plaintext = openFrame(frame, key);
    if (!plaintext) this.problem('TAMPERED', `Record ${frame.header.seq} of ${nameOf(this.section, this.device)}’s ${file} fails its integrity check and was not merged.`);
    return plaintext ?? undefined;
  }

  readSnapshot(bytes: Buffer): void {
    const decoded = decodeFrames(bytes);
    if (decoded.problem) return this.problem('DAMAGED', `${nameOf(this.section, this.device)}’s snapshot is damaged (${decoded.problem.detail}) and was not merged.`);
    if (decoded.partialAt !== undefined) return this.wait('its snapshot is still arriving');
    for (const frame of decoded.frames) {
      if (!this.authentic(frame, 'snapshot')) return;
      if (frame.header.kind === RecordKind.key) {
        if (!this.takeKey(frame, 'snapshot')) return;
        continue;
      }
      if (frame.header.kind !== RecordKind.snapshot || frame.header.seq <= this.seen.seq) continue;
      const plaintext = this.open(frame, 'snapshot');
      if (plaintext === 'no-key') return this.wait('its snapshot uses a key this computer has not received yet');
      if (!plaintext) return;
      let snapshot: unknown;
      try {
        snapshot = parseJson(inflateRawSync(plaintext));
      } catch {
        snapshot = undefined;
      }
      const state = (snapshot as { state?: MergeState } | undefined)?.state;
      if (!state || typeof state.accounts !== 'object' || typeof state.members !== 'object') return this.problem('DAMAGED', `${nameOf(this.section, this.device)}’s snapshot does not hold a sync state and was not merged.`);
      mergeState(this.section.state, state);
      Object.assign(this.seen, { seq: frame.header.seq, offset: 0, at: this.now });
      this.outcome.merged++;
    }
  }

  readLog(bytes: Buffer, snapshotSeq: number): void {
    const seen = this.seen;
    // Continue where the last round stopped, unless the file was replaced (compacted, or an old copy restored).
    let decoded = seen.offset > 0 && seen.offset <= bytes.length ? decodeFrames(bytes, seen.offset) : undefined;
    // Continuing from the offset, the records before it are the ones already merged.
    let highest = seen.seq;
    if (!decoded || decoded.problem || (decoded.frames[0] && decoded.frames[0].header.seq !== seen.seq + 1)) {
      decoded = decodeFrames(bytes);
      highest = 0;
    }
    for (const frame of decoded.frames) {
      highest = Math.max(highest, frame.header.seq);
      if (frame.header.seq <= seen.seq) continue;
      if (!this.authentic(frame, 'log')) return;
      if (frame.header.seq > seen.seq + 1) return this.wait(`its log continues at record ${frame.header.seq}, after a snapshot that has not arrived yet`);
      if (frame.header.kind === RecordKind.key) {
        if (!this.takeKey(frame, 'log')) return;
      } else if (frame.header.kind === RecordKind.ops) {
        const plaintext = this.open(frame, 'log');
        if (plaintext === 'no-key') return this.wait('its newest changes use a key this computer has not received yet');
        if (!plaintext) return;
        const parsed = opsPayload.safeParse(parseJson(plaintext));
        if (!parsed.success) return this.problem('DAMAGED', `Record ${frame.header.seq} of ${nameOf(this.section, this.device)}’s log does not hold changes Traykey understands; it was not merged.`);
        for (const op of parsed.data.ops) applyOp(this.section.state, op);
      } else {
        return this.problem('DAMAGED', `${nameOf(this.section, this.device)}’s log holds a snapshot record; it was not merged.`);
      }
      Object.assign(seen, { seq: frame.header.seq, offset: frame.end, at: this.now });
      this.outcome.merged++;
    }
    if (decoded.problem) return this.problem('DAMAGED', `${nameOf(this.section, this.device)}’s log is damaged after record ${seen.seq} (${decoded.problem.detail}); nothing after it was merged.`);
    if (decoded.partialAt !== undefined) return this.wait('its last change is still being written or synced');
    if (Math.max(highest, snapshotSeq) < seen.seq) {
      this.problem('ROLLED_BACK', `${nameOf(this.section, this.device)}’s log in the folder is older than what this computer already merged (an old copy was restored); it is ignored until that device writes again.`);
    }
  }
}

function snapshotSeqOf(bytes: Buffer | undefined): number {
  if (!bytes) return 0;
  const frame = decodeFrames(bytes).frames.find((entry) => entry.header.kind === RecordKind.snapshot);
  return frame?.header.seq ?? 0;
}

/**
 * Merges what the other devices wrote since the last round into `section` (in place): records from
 * unknown or removed devices, altered or replayed records, and logs rolled back to an older copy are
 * reported and left out. Devices are read until nothing new comes, since one device's log may
 * introduce another (a join) or carry the key for another's records.
 */
export function readDevices(section: SyncSection, view: FolderView, now: number): ReadOutcome {
  const outcome: ReadOutcome = { merged: 0, problems: [], waiting: [] };
  if (!view.present) {
    outcome.problems.push({ code: 'FOLDER_MISSING', message: `The sync folder ${section.folder} is missing (a drive unplugged, or the sync app signed out); Traykey keeps your changes here and catches up when it is back.` });
    return outcome;
  }
  const others = [...view.devices].filter(([device]) => device !== section.device.id).sort(([a], [b]) => (a < b ? -1 : 1));
  for (let pass = 0; pass < 4; pass++) {
    const before = outcome.merged + Object.keys(section.keys).length;
    const passOutcome: ReadOutcome = { merged: 0, problems: [], waiting: [] };
    for (const [device, files] of others) readOneDevice(section, device, files, passOutcome, now);
    outcome.merged += passOutcome.merged;
    outcome.problems = passOutcome.problems;
    outcome.waiting = passOutcome.waiting;
    if (outcome.merged + Object.keys(section.keys).length === before) break;
  }
  if (section.state.members[section.device.id]?.removed) {
    // Being removed explains everything else.
    return { merged: outcome.merged, waiting: [], problems: [{ code: 'REMOVED', message: 'This computer was removed from the sync group: it no longer receives changes. Set up sync again to rejoin.' }] };
  }
  return outcome;
}

function readOneDevice(section: SyncSection, device: string, files: DeviceFiles, outcome: ReadOutcome, now: number): void {
  const member = section.state.members[device];
  if (!member || member.sign === '') {
    outcome.problems.push({ code: 'UNKNOWN_DEVICE', device, message: `Files from device ${device}, which is not in this sync group, are in the sync folder; they were not read. (A computer that has just joined shows here until its invitation arrives.)` });
    return;
  }
  if (member.removed) return;
  const reader = new DeviceReader(section, device, member.sign, outcome, now);
  if (files.snapshot) reader.readSnapshot(files.snapshot);
  if (files.log) reader.readLog(files.log, snapshotSeqOf(files.snapshot));
  else if ((section.seen[device]?.seq ?? 0) > snapshotSeqOf(files.snapshot)) {
    outcome.problems.push({ code: 'ROLLED_BACK', device, message: `${nameOf(section, device)}’s log is missing from the sync folder; waiting for that device to write it again.` });
  }
}
