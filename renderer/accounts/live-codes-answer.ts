import type { EventPayload } from '../../shared/ipc';
import type { LiveCode } from '../../shared/accounts';

/**
 * The shape of popup:codes (shared/ipc's liveCodesAnswer), checked by hand: zod in the renderer
 * probes `new Function`, which the page's CSP refuses and reports. Main has already parsed it with
 * the schema; this keeps a malformed message from reaching the list.
 */
export function isLiveCodesAnswer(payload: unknown): payload is EventPayload<'popup:codes'> {
  if (typeof payload !== 'object' || payload === null) return false;
  const { now, codes } = payload as Record<string, unknown>;
  return typeof now === 'number' && Array.isArray(codes) && codes.every(isLiveCode);
}

function isLiveCode(value: unknown): value is LiveCode {
  if (typeof value !== 'object' || value === null) return false;
  const { id, code, next, periodStart, period } = value as Record<string, unknown>;
  return typeof id === 'string' && typeof code === 'string' && typeof next === 'string' && typeof periodStart === 'number' && typeof period === 'number';
}
