/**
 * The scan view's state: main's preview of the codes found so far (a Google Authenticator transfer is
 * scanned one QR code at a time), the token main holds them under, and the person's choices. Decoded
 * texts are handed to main once and dropped: nothing here ever holds a secret.
 */
import { create } from 'zustand';
import { appMessage } from '../ui/app-wording';
import type { PreviewCode } from '../../shared/ipc/scan';
import { api } from '../api';
import type { QrDecodeClient } from './decode-client';
import type { DecodeInput } from './decode-protocol';
import { captureScreenFrame } from './screen-frames';

export interface ScanState {
  /** The scan main holds (single-use: every answer brings the next one); null before the first code. */
  token: string | null;
  codes: PreviewCode[];
  /** Keys of accounts left out, and of duplicates to replace (the rest are skipped). */
  skip: string[];
  replace: string[];
  busy: boolean;
  status: { tone: 'info' | 'error'; message: string } | null;
}

const initial: ScanState = { token: null, codes: [], skip: [], replace: [], busy: false, status: null };
export const useScan = create<ScanState>(() => initial);

/** Clears the view and tells main to forget the scan. */
export function resetScan(): void {
  const { token } = useScan.getState();
  useScan.setState(initial);
  if (token !== null) void api().scanDiscard({ token });
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const fail = (message: string) => useScan.setState({ busy: false, status: { tone: 'error', message } });

/** Hands the found texts to main (their only trip) and keeps main's preview and the next token. */
async function handOver(found: string[], where: string): Promise<void> {
  if (found.length === 0) {
    useScan.setState({ busy: false, status: { tone: 'info', message: `No QR code found ${where}.` } });
    return;
  }
  const message = `${plural(found.length, 'QR code', 'QR codes')} found ${where}.`;
  const { token } = useScan.getState();
  const result = await api().scanPreview({ texts: found, ...(token === null ? {} : { token }) });
  found.length = 0;
  if (!result.ok) {
    fail(appMessage(result.error));
    return;
  }
  useScan.setState({ token: result.value.token, codes: result.value.codes, busy: false, status: { tone: 'info', message } });
}

async function decodeAll(client: QrDecodeClient, inputs: readonly DecodeInput[], where: string): Promise<void> {
  const texts: string[] = [];
  for (const input of inputs) {
    const reply = await client.decode(input);
    if (!reply.ok) {
      fail(reply.message);
      return;
    }
    texts.push(...reply.texts);
  }
  await handOver(texts, where);
}

/**
 * Called from the Scan click: main offers the screens, and this page captures one frame of each. All
 * frames are taken before decoding starts, so every capture falls inside main's short grant window.
 */
export async function scanScreen(client: QrDecodeClient): Promise<void> {
  useScan.setState({ busy: true, status: { tone: 'info', message: 'Capturing your screens…' } });
  const result = await api().scanScreens({});
  if (!result.ok) {
    fail(appMessage(result.error));
    return;
  }
  const { screens } = result.value;
  const frames: DecodeInput[] = [];
  try {
    for (const screen of screens) frames.push({ kind: 'frame', frame: await captureScreenFrame(screen) });
  } catch {
    for (const input of frames) if (input.kind === 'frame') input.frame.close();
    fail('Traykey could not capture your screens. Allow screen recording for Traykey in your system settings, or open a screenshot instead.');
    return;
  }
  await decodeAll(client, frames, screens.length === 1 ? 'on your screen' : `on your ${screens.length} screens`);
}

export async function scanFile(client: QrDecodeClient, file: Blob, name: string): Promise<void> {
  if (!/^image\/(png|jpeg)$/.test(file.type) && !/\.(png|jpe?g)$/i.test(name)) {
    useScan.setState({ status: { tone: 'error', message: `${name} is not a PNG or JPEG image.` } });
    return;
  }
  useScan.setState({ busy: true, status: { tone: 'info', message: `Reading ${name}…` } });
  await decodeAll(client, [{ kind: 'file', bytes: new Uint8Array(await file.arrayBuffer()) }], `in ${name}`);
}

export function toggle(list: 'skip' | 'replace', key: string, on: boolean): void {
  const current = useScan.getState()[list];
  useScan.setState({ [list]: on ? [...new Set([...current, key])] : current.filter((k) => k !== key) });
}

/** Saves the chosen accounts; returns how many were added or replaced, or null when it failed. */
export async function importChosen(): Promise<{ added: number; replaced: number; skipped: number } | null> {
  const { token, skip, replace } = useScan.getState();
  if (token === null) return null;
  useScan.setState({ busy: true });
  const result = await api().scanImport({ token, skip, replace });
  // The token is spent either way: a failed save starts over rather than pointing at a scan main forgot.
  useScan.setState(initial);
  if (!result.ok) {
    fail(appMessage(result.error));
    return null;
  }
  return result.value;
}

/**
 * How many accounts Save will add or replace: not those left out, and not a duplicate the person
 * chose to skip (the radio next to it), so the button counts what really changes.
 */
export function chosenCount(codes: readonly PreviewCode[], skip: readonly string[], replace: readonly string[]): number {
  return codes
    .flatMap((code) => ('accounts' in code ? code.accounts : []))
    .filter((account) => !skip.includes(account.key) && (!account.duplicateOf || replace.includes(account.key))).length;
}

/** "2 of 3 scanned" for each Google Authenticator transfer seen so far. */
export function transferProgress(codes: readonly PreviewCode[]): Array<{ id: number; scanned: number; size: number }> {
  const batches = new Map<number, { indexes: Set<number>; size: number }>();
  for (const code of codes) {
    if (code.kind !== 'migration') continue;
    const entry = batches.get(code.batch.id) ?? { indexes: new Set<number>(), size: code.batch.size };
    entry.indexes.add(code.batch.index);
    batches.set(code.batch.id, entry);
  }
  return [...batches].map(([id, { indexes, size }]) => ({ id, scanned: indexes.size, size: Math.max(size, indexes.size) }));
}
