import { useEffect, useState } from 'react';
import type { Result } from '../../shared/errors';
import type { EventName } from '../../shared/ipc';
import { api } from '../api';

/**
 * A status main owns (updates, the global shortcut), read once and again each time main says it
 * changed. The setter takes the answer of a call that changed it, so the view need not wait for the event.
 */
export function useMainStatus<T>(read: () => Promise<Result<T>>, changed: EventName): [T | null, (status: T) => void] {
  const [status, setStatus] = useState<T | null>(null);
  useEffect(() => {
    const load = () => void read().then((result) => result.ok && setStatus(result.value));
    load();
    return api().on(changed, load);
    // `read` is a call on the bridge, the same for the component's life.
  }, [changed]);
  return [status, setStatus];
}
