import { randomBytes } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import type { StoredAccount } from '../../accounts/stored-account';
import { wrapKeyFor } from '../crypto/device-keys';
import { decodeFrames, encodeRecord, RecordKind, verifyFrame } from '../crypto/record-codec';
import { diffAccounts } from '../merge/diff';
import { HybridClock } from '../merge/hlc';
import type { SyncOp } from '../merge/ops';
import { liveMembers } from '../merge/state';
import type { KeyPayload } from './read-devices';
import type { SyncSection } from './local-section';

/** What this device's own log in the folder holds: where good records end, and whether it lost any. */
export interface OwnLog {
  lastSeq: number;
  /** Bytes of complete, authentic records; anything after (a crash mid-append) is cut before appending. */
  keepBytes: number;
  records: number;
  /** The log lost records this device wrote (an old copy restored, the file deleted or altered). */
  needsRepair: boolean;
  /** The good records' bytes, for the next look to skip checking them again. */
  checked: CheckedLog;
}

/** The start of this device's log as found intact by an earlier look, signatures and sequence checked. */
export interface CheckedLog {
  device: string;
  snapshotSeq: number;
  bytes: Buffer;
  lastSeq: number;
  records: number;
}

/** Where checking `bytes` may start: after `checked` when the log still begins with exactly those bytes. */
function resumeFrom(section: SyncSection, bytes: Buffer, checked: CheckedLog | undefined): Pick<CheckedLog, 'lastSeq' | 'records'> & { at: number } {
  const same = checked && checked.device === section.device.id && checked.snapshotSeq === section.snapshotSeq && bytes.length >= checked.bytes.length && bytes.subarray(0, checked.bytes.length).equals(checked.bytes);
  return same ? { at: checked.bytes.length, lastSeq: checked.lastSeq, records: checked.records } : { at: 0, lastSeq: section.snapshotSeq, records: 0 };
}

/**
 * Checks this device's log in the folder. Records an earlier look already checked (`checked`, when the
 * file still starts with them byte for byte) are not verified again: each round only checks what was
 * appended since, rather than every signature since the last compaction.
 */
export function inspectOwnLog(section: SyncSection, bytes: Buffer | undefined, checked?: CheckedLog): OwnLog {
  const file = bytes ?? Buffer.alloc(0);
  let { at: keepBytes, lastSeq, records } = resumeFrom(section, file, checked);
  const decoded = decodeFrames(file, keepBytes);
  let intact = true;
  for (const frame of decoded.frames) {
    if (frame.header.device !== section.device.id || frame.header.seq !== lastSeq + 1 || !verifyFrame(frame, section.device.sign.publicKey)) {
      intact = frame.header.seq <= lastSeq && frame.header.device === section.device.id;
      if (!intact) break;
      continue;
    }
    lastSeq = frame.header.seq;
    keepBytes = frame.end;
    records++;
  }
  return {
    lastSeq,
    keepBytes,
    records,
    needsRepair: !intact || decoded.problem !== undefined || lastSeq < section.flushedSeq,
    checked: { device: section.device.id, snapshotSeq: section.snapshotSeq, bytes: file.subarray(0, keepBytes), lastSeq, records },
  };
}

export const clockFor = (section: SyncSection, now: () => number): HybridClock => new HybridClock(section.device.id, now, section.state.clock);

function pushRecord(section: SyncSection, kind: 'ops' | 'key', body: string, keyId = section.writeKey): void {
  section.outbox.push({ seq: section.nextSeq, kind, keyId, body });
  section.nextSeq++;
}

export function queueOps(section: SyncSection, ops: SyncOp[]): void {
  if (ops.length > 0) pushRecord(section, 'ops', JSON.stringify({ ops }));
}

/** Turns the user's edits since the last round (the vault's accounts against the merged state) into a log record. */
export function recordLocalEdits(section: SyncSection, accounts: readonly StoredAccount[], now: () => number, projected?: readonly StoredAccount[]): number {
  const clock = clockFor(section, now);
  const ops = diffAccounts(section.state, accounts, () => clock.tick(), projected);
  queueOps(section, ops);
  return ops.length;
}

function keyPayloadFor(section: SyncSection, keyId: string): KeyPayload {
  const entry = section.keys[keyId]!;
  const key = Buffer.from(entry.secret, 'base64');
  const wraps: KeyPayload['wraps'] = {};
  for (const device of liveMembers(section.state)) {
    const member = section.state.members[device]!;
    wraps[device] = wrapKeyFor(member.box, device, keyId, key);
  }
  return { keyId, t: entry.t, wraps };
}

/**
 * A new group key for the devices still in the group, announced in this device's log; records after it
 * use it, so a removed device reads nothing written from then on.
 */
export function rekey(section: SyncSection, now: () => number): void {
  const keyId = randomBytes(8).toString('hex');
  const t = clockFor(section, now).tick();
  section.state.clock = t;
  section.keys[keyId] = { secret: randomBytes(32).toString('base64'), t, for: liveMembers(section.state) };
  pushRecord(section, 'key', JSON.stringify(keyPayloadFor(section, keyId)), keyId);
  section.writeKey = keyId;
}

/** True when the key this device writes with was also given to a device that has since been removed. */
export function keyReachesRemoved(section: SyncSection): boolean {
  const entry = section.keys[section.writeKey];
  if (!entry) return false;
  return entry.for.some((device) => section.state.members[device]?.removed !== undefined);
}

export function encodeOutbox(section: SyncSection, after: number): Buffer[] {
  return section.outbox
    .filter((entry) => entry.seq > after)
    .map((entry) => {
      const kind = entry.kind === 'key' ? RecordKind.key : RecordKind.ops;
      const key = section.keys[entry.keyId];
      return encodeRecord({ kind, seq: entry.seq, keyId: entry.keyId, device: section.device.id }, Buffer.from(entry.body, 'utf8'), key ? Buffer.from(key.secret, 'base64') : undefined, section.device.sign.privateKey);
    });
}

/**
 * A snapshot of everything this device has merged, as of its record `seq`: the current key wrapped
 * for every device in the group, then the state, compressed and encrypted.
 */
export function encodeSnapshot(section: SyncSection, seq: number): Buffer {
  const device = section.device.id;
  const keyRecord = encodeRecord({ kind: RecordKind.key, seq, keyId: section.writeKey, device }, Buffer.from(JSON.stringify(keyPayloadFor(section, section.writeKey))), undefined, section.device.sign.privateKey);
  const plaintext = deflateRawSync(Buffer.from(JSON.stringify({ state: section.state })));
  const key = Buffer.from(section.keys[section.writeKey]!.secret, 'base64');
  const snapshot = encodeRecord({ kind: RecordKind.snapshot, seq, keyId: section.writeKey, device }, plaintext, key, section.device.sign.privateKey);
  return Buffer.concat([keyRecord, snapshot]);
}
