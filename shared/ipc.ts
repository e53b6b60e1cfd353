/**
 * The one contract between renderer and main: every call, its request and its response.
 * Read it as the app's table of contents. Main validates every request against these schemas;
 * the preload exposes exactly one method per entry (named by `methodName`), and nothing else.
 */
import type { z } from 'zod';
import type { Result } from './errors';
import { accountsCalls, liveCodesAnswer } from './ipc/accounts';
import { settingsCalls } from './ipc/settings';
import { scanCalls } from './ipc/scan';
import { adminCalls } from './ipc/admin';
import { deepLinkCalls } from './ipc/deep-link';
import { clockCalls } from './ipc/clock';
import { pushCalls } from './ipc/push';
import { transferCalls } from './ipc/transfer';
import { confirmCalls } from './ipc/confirm';
import { policyCalls } from './ipc/policy';
import { syncCalls } from './ipc/sync';
import { updatesCalls } from './ipc/updates';
import { windowsCalls } from './ipc/windows';
import { backupCalls } from './ipc/backup';
import { shortcutCalls } from './ipc/shortcut';
import type { Caller, MethodName } from './ipc/define';

export { methodName } from './ipc/define';
export { IN_PROCESS, senderOf } from './ipc/define';
export type { Caller, MethodName } from './ipc/define';

export const contract = {
  ...syncCalls,
  ...accountsCalls,
  ...settingsCalls,
  ...scanCalls,
  ...deepLinkCalls,
  ...pushCalls,
  ...adminCalls,
  ...clockCalls,
  ...transferCalls,
  ...confirmCalls,
  ...policyCalls,
  ...updatesCalls,
  ...windowsCalls,
  ...backupCalls,
  ...shortcutCalls,
};

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>;

export const channels = Object.keys(contract) as Channel[];

/** What core implements: one async function per channel, given an already-validated request and who sent it (IN_PROCESS when absent). */
export type Handlers = { [C in Channel]: (request: ParsedRequestOf<C>, caller?: Caller) => Promise<ResponseOf<C>> };

/** What the renderer sees: one method per channel, every answer a Result. */
export type TraykeyApi = { [C in Channel as MethodName<C>]: (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>> };

/** Events main pushes to the renderer (no request/response; payloads validated by the renderer). */
export const EVENTS = ['accounts:changed', 'vault:changed', 'deepLink:received', 'push:changed', 'push:open', 'clock:changed', 'policy:changed', 'sync:changed', 'updates:changed', 'shortcut:changed', 'popup:shownByShortcut', 'popup:codes'] as const;
export type EventName = (typeof EVENTS)[number];

/** The events that carry data, and its schema: main parses what it sends with it (exactly these fields cross), and the renderer checks the shape on arrival. The others carry nothing. */
export const EVENT_PAYLOADS = {
  /** The codes at main's time just before it shows the popup, so its first frame needs no round trip. */
  'popup:codes': liveCodesAnswer,
} satisfies Partial<Record<EventName, z.ZodType>>;
export type PayloadEvent = keyof typeof EVENT_PAYLOADS;
export type EventPayload<E extends PayloadEvent> = z.output<(typeof EVENT_PAYLOADS)[E]>;

/** The object the preload exposes as `window.traykey`: the calls, plus change notifications (with the payload for those that carry one). */
export type TraykeyBridge = TraykeyApi & { on(event: EventName, listener: (payload: unknown) => void): () => void };
