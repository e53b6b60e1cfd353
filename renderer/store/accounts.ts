/**
 * The account list as the popup shows it: summaries and live codes, never secrets.
 * Actions talk to main through the bridge and keep errors as values for the views to show.
 */
import { create } from 'zustand';
import type { AccountSummary, LiveCode } from '../../shared/accounts';
import type { AppErrorData } from '../../shared/errors';
import { api } from '../api';
import { flipCodes, mergeCodes } from '../accounts/live-codes';
import { displayName, matchesQuery } from '../../shared/account-names';
import { loadVaultStatus } from './vault';
import { useSettings } from './settings';
import { reuseUnchanged } from './reuse-unchanged';
import { estimateOffset, keepTighter, type OffsetEstimate } from '../accounts/main-clock';
import { isLiveCodesAnswer } from '../accounts/live-codes-answer';

export interface AccountsState {
  accounts: AccountSummary[];
  codes: Record<string, LiveCode>;
  /** Codes an HOTP account produced on request, shown until the list reloads. */
  hotpCodes: Record<string, string>;
  loaded: boolean;
  error: AppErrorData | null;
  query: string;
  selectedId: string | null;
  renamingId: string | null;
  /** Only accounts carrying this tag are shown, when set. */
  tag: string | null;
  /** Accounts pinned to the top (the favourites setting, mirrored here for the list's selectors). */
  pinned: readonly string[];
  /** The account whose row says "Copied ✓" for a moment. */
  copiedId: string | null;
  /** Main's clock minus ours: main corrects for skew measured against identity providers. */
  mainOffsetMs: number;
}

export const useAccounts = create<AccountsState>(() => ({
  accounts: [],
  codes: {},
  hotpCodes: {},
  loaded: false,
  error: null,
  query: '',
  selectedId: null,
  renamingId: null,
  tag: null,
  pinned: [],
  copiedId: null,
  mainOffsetMs: 0,
}));

const NONE_PINNED: readonly string[] = [];
useSettings.subscribe((state) => setPinned(state.settings?.favourites ?? NONE_PINNED));

/** What the list shows: the search and the tag filter applied, pinned accounts first (each group in the user's order). */
export function visibleAccounts(state: Pick<AccountsState, 'accounts' | 'query' | 'tag' | 'pinned'>): AccountSummary[] {
  const shown = state.accounts.filter((account) => (state.tag === null || account.tags.includes(state.tag)) && (state.query === '' || matchesQuery(account, state.query)));
  if (state.pinned.length === 0) return shown;
  const pinned = new Set(state.pinned);
  return [...shown.filter((account) => pinned.has(account.id)), ...shown.filter((account) => !pinned.has(account.id))];
}

/** Every tag some account carries, sorted, for the filter. */
export function allTags(accounts: readonly AccountSummary[]): string[] {
  return [...new Set(accounts.flatMap((account) => account.tags))].sort((a, b) => a.localeCompare(b));
}

/** Keeps a selection that is still visible, else the first visible account. */
function settleSelection(): void {
  const state = useAccounts.getState();
  const visible = visibleAccounts(state);
  if (visible.some((account) => account.id === state.selectedId)) return;
  useAccounts.setState({ selectedId: visible[0]?.id ?? null });
}

/**
 * List answers can be stale: one that left main before a local change (a reorder, a rename) was
 * saved must not overwrite what that change showed. Every load and every change takes a new epoch;
 * a load that answers while changes are still on their way is dropped and asked again once they land.
 */
let listEpoch = 0;
let changesInFlight = 0;
let reloadWhenSettled = false;

async function localChange<T>(run: () => Promise<T>): Promise<T> {
  listEpoch += 1;
  changesInFlight += 1;
  try {
    return await run();
  } finally {
    changesInFlight -= 1;
    if (changesInFlight === 0 && reloadWhenSettled) {
      reloadWhenSettled = false;
      void loadAccounts();
    }
  }
}

export async function loadAccounts(): Promise<void> {
  const epoch = ++listEpoch;
  const result = await api().accountsList({});
  if (changesInFlight > 0) {
    reloadWhenSettled = true;
    return;
  }
  if (epoch !== listEpoch) return;
  if (!result.ok) {
    useAccounts.setState({ error: result.error, loaded: true });
    // A vault locked behind our back (screen lock, another window) shows the passphrase prompt.
    if (result.error.code === 'VAULT_LOCKED') await loadVaultStatus();
    return;
  }
  useAccounts.setState((state) => ({ accounts: reuseUnchanged(state.accounts, result.value), loaded: true, error: null }));
  settleSelection();
  await refreshCodes();
}

/** Main's time now, as far as the renderer can tell. */
export function mainNow(): number {
  return Date.now() + useAccounts.getState().mainOffsetMs;
}

let mainOffset: OffsetEstimate | null = null;

/**
 * Fresh codes from main: at main's own time (which also measures the offset between the clocks),
 * or at a given moment of main's time, so a boundary flip and the refresh after it agree.
 */
export async function refreshCodes(at?: number): Promise<void> {
  const asked = Date.now();
  const result = await api().accountsCodes(at === undefined ? {} : { at: Math.floor(at) });
  if (!result.ok) {
    useAccounts.setState({ error: result.error });
    return;
  }
  if (at === undefined) mainOffset = keepTighter(mainOffset, estimateOffset(asked, Date.now(), result.value.now));
  applyCodes(result.value.codes);
}

function applyCodes(codes: readonly LiveCode[]): void {
  const offset = mainOffset ? { mainOffsetMs: mainOffset.offset } : {};
  useAccounts.setState((state) => ({ codes: mergeCodes(state.codes, codes), ...offset }));
}

/**
 * The codes main sends just before it shows the popup (popup:codes), applied while the page is
 * still hidden so its first frame paints them. A message one way bounds nothing about the clocks'
 * offset (it may have waited any time on its way), so the kept estimate stays; a payload of another
 * shape is dropped, and the show falls back to asking main.
 */
export function applyCodesForShow(payload: unknown): void {
  if (isLiveCodesAnswer(payload)) applyCodes(payload.codes);
}

export function flipAt(now: number): void {
  const { codes } = useAccounts.getState();
  const flipped = flipCodes(codes, now);
  if (flipped !== codes) useAccounts.setState({ codes: flipped });
}

export function setQuery(query: string): void {
  useAccounts.setState({ query });
  settleSelection();
}

export function setTag(tag: string | null): void {
  useAccounts.setState({ tag });
  settleSelection();
}

function setPinned(pinned: readonly string[]): void {
  if (pinned === useAccounts.getState().pinned) return;
  useAccounts.setState({ pinned });
  settleSelection();
}

const COPIED_MS = 1500;
let copiedTimer: ReturnType<typeof setTimeout> | undefined;

/** The row confirms the copy itself, for a moment. */
export function markCopied(id: string): void {
  clearTimeout(copiedTimer);
  useAccounts.setState({ copiedId: id });
  copiedTimer = setTimeout(() => useAccounts.setState({ copiedId: null }), COPIED_MS);
}

export function select(id: string | null): void {
  useAccounts.setState({ selectedId: id });
}

/** Moves the selection by `delta` rows within what the search shows. */
export function moveSelection(delta: number): void {
  const state = useAccounts.getState();
  const visible = visibleAccounts(state);
  if (visible.length === 0) return;
  const index = visible.findIndex((account) => account.id === state.selectedId);
  const nextIndex = index === -1 ? 0 : Math.min(visible.length - 1, Math.max(0, index + delta));
  useAccounts.setState({ selectedId: visible[nextIndex]?.id ?? null });
}

export async function copyCode(id: string): Promise<{ ok: true; clearsInSeconds: number } | { ok: false; error: AppErrorData }> {
  const result = await api().accountsCopyCode({ id });
  return result.ok ? { ok: true, clearsInSeconds: result.value.clearsInSeconds } : result;
}

export async function nextHotp(id: string): Promise<AppErrorData | null> {
  const result = await localChange(() => api().accountsNextHotp({ id }));
  if (!result.ok) return result.error;
  useAccounts.setState((state) => ({
    hotpCodes: { ...state.hotpCodes, [id]: result.value.code },
    accounts: state.accounts.map((account) => (account.id === id ? { ...account, counter: result.value.counter } : account)),
  }));
  // A load this change superseded may have carried another process's change: fetch the list again.
  void loadAccounts();
  return null;
}

export function startRename(id: string | null): void {
  useAccounts.setState({ renamingId: id });
}

export async function rename(id: string, issuer: string, label: string): Promise<AppErrorData | null> {
  const result = await localChange(() => api().accountsRename({ id, issuer, label }));
  if (!result.ok) return result.error;
  useAccounts.setState((state) => ({ renamingId: null, accounts: state.accounts.map((account) => (account.id === id ? result.value : account)) }));
  void loadAccounts();
  return null;
}

/** Moves an account `delta` places; the list changes at once and main's answer is the final order. */
export async function moveAccount(id: string, delta: number): Promise<AppErrorData | null> {
  const { accounts } = useAccounts.getState();
  const from = accounts.findIndex((account) => account.id === id);
  const to = from + delta;
  if (from === -1 || to < 0 || to >= accounts.length) return null;
  return reorderTo(id, to);
}

export async function reorderTo(id: string, to: number): Promise<AppErrorData | null> {
  const previous = useAccounts.getState().accounts;
  const moving = previous.find((account) => account.id === id);
  if (!moving) return null;
  const rest = previous.filter((account) => account.id !== id);
  const reordered = [...rest.slice(0, to), moving, ...rest.slice(to)];
  useAccounts.setState({ accounts: reordered });
  return localChange(async () => {
    const result = await api().accountsReorder({ ids: reordered.map((account) => account.id) });
    // A later move already on its way has the newer order: its own answer settles the list.
    if (changesInFlight > 1) return result.ok ? null : result.error;
    if (!result.ok) {
      useAccounts.setState({ accounts: previous });
      return result.error;
    }
    useAccounts.setState({ accounts: result.value });
    return null;
  });
}

export async function deleteAccount(id: string): Promise<{ ok: true; undoToken: string; name: string } | { ok: false; error: AppErrorData }> {
  const account = useAccounts.getState().accounts.find((entry) => entry.id === id);
  const result = await localChange(() => api().accountsDelete({ id }));
  if (!result.ok) return result;
  const visible = visibleAccounts(useAccounts.getState());
  const index = visible.findIndex((entry) => entry.id === id);
  useAccounts.setState((state) => ({
    accounts: state.accounts.filter((entry) => entry.id !== id),
    selectedId: state.selectedId === id ? (visible[index + 1]?.id ?? visible[index - 1]?.id ?? null) : state.selectedId,
  }));
  void loadAccounts();
  return { ok: true, undoToken: result.value.undoToken, name: account ? displayName(account) : 'Account' };
}

export async function undoDelete(undoToken: string): Promise<AppErrorData | null> {
  const result = await api().accountsUndoDelete({ undoToken });
  if (!result.ok) return result.error;
  await loadAccounts();
  useAccounts.setState({ selectedId: result.value.id });
  return null;
}
