import type { Channel, Handlers, RequestOf, ResponseOf } from '../../shared/ipc';
import { dispatch } from '../../electron/core/ipc/dispatch';

/**
 * A typed `call` through the contract's dispatcher, as the renderer's calls arrive: the payload is
 * validated first, and a refused call throws an error carrying the AppError's code, message and field.
 * `handlers` is read at each call, so a test may build its core in beforeEach.
 */
export function callThrough(handlers: () => Handlers) {
  return async function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
    const result = await dispatch(handlers(), channel, request);
    if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
    return result.value as ResponseOf<C>;
  };
}
