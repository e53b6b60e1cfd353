/** Messages between the injected page bridge and the harness server, one JSON object per frame. */
import type { Result } from '../../../shared/errors';

export const HARNESS_SOCKET_PATH = '/__traykey-harness/socket';

export type ClientMessage = { type: 'call'; id: number; channel: string; payload: unknown };

export type ServerMessage = { type: 'result'; id: number; result: Result<unknown> } | { type: 'event'; name: string; payload?: unknown };
