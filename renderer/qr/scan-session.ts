/**
 * The scan view's state: every code text found so far (a Google Authenticator transfer is scanned one
 * QR code at a time), core's preview of them, and the user's choices. Texts stay in the renderer and
 * go to main only to be previewed and saved; the preview carries no secrets.
 */
import { create } from 'zustand';
import { appMessage } from '../ui/app-wording';
import type { PreviewCode } from '../../shared/ipc/scan';
import { api } from '../api';
import type { QrDecodeClient } from './decode-client';
import type { DecodeInput } from './decode-protocol';

export interface ScanState {
  texts: string[];
  codes: PreviewCode[];
  /** Keys of accounts left out, and of duplicates to replace (the rest are skipped). */
  skip: string[];
  replace: string[];
  busy: boolean;
  status: { tone: 'info' | 'error'; message: string } | null;
}

const initial: ScanState = { texts: [], codes: [], skip: [], replace: [], busy: false, status: null };
export const useScan = create<ScanState>(() => initial);

export function resetScan(): void {
  useScan.setState(initial);
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

async function addTexts(found: string[], where: string): Promise<void> {
  const texts = [...new Set([...useScan.getState().texts, ...found])];
  if (found.length === 0) {
    useScan.setState({ busy: false, status: { tone: 'info', message: `No QR code found ${where}.` } });
    return;
  }
  const result = await api().scanPreview({ texts });
  if (!result.ok) {
    useScan.setState({ busy: false, status: { tone: 'error', message: appMessage(result.error) } });
    return;
  }
  useScan.setState({ texts, codes: result.value.codes, busy: false, status: { tone: 'info', message: `${plural(found.length, 'QR code', 'QR codes')} found ${where}.` } });
}

async function decodeAll(client: QrDecodeClient, inputs: DecodeInput[], where: string): Promise<void> {
  const texts: string[] = [];
  for (const input of inputs) {
    const reply = await client.decode(input);
    if (!reply.ok) {
      useScan.setState({ busy: false, status: { tone: 'error', message: reply.message } });
      return;
    }
    texts.push(...reply.texts);
  }
  await addTexts(texts, where);
}

export async function scanScreen(client: QrDecodeClient): Promise<void> {
  useScan.setState({ busy: true, status: { tone: 'info', message: 'Capturing your screens…' } });
  const result = await api().scanCapture({});
  if (!result.ok) {
    useScan.setState({ busy: false, status: { tone: 'error', message: appMessage(result.error) } });
    return;
  }
  const { displays } = result.value;
  const where = displays.length === 1 ? 'on your screen' : `on your ${displays.length} screens`;
  await decodeAll(client, displays.map((d) => ({ kind: 'pixels', width: d.width, height: d.height, channelOrder: d.channelOrder, pixels: d.pixels })), where);
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
  const { texts, skip, replace } = useScan.getState();
  useScan.setState({ busy: true });
  const result = await api().scanImport({ texts, skip, replace });
  if (!result.ok) {
    useScan.setState({ busy: false, status: { tone: 'error', message: appMessage(result.error) } });
    return null;
  }
  resetScan();
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
