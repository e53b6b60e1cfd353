import type { EventName } from '../../shared/ipc';

export interface CoreEvents {
  on(name: EventName, fn: () => void): () => void;
}

/** The events the services announce and main forwards to the pages. */
export interface CoreEventHub extends CoreEvents {
  emit(name: EventName): void;
}

export function createEvents(): CoreEventHub {
  const listeners = new Map<EventName, Set<() => void>>();
  return {
    on(name, fn) {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      set.add(fn);
      return () => set.delete(fn);
    },
    emit(name) {
      for (const fn of [...(listeners.get(name) ?? [])]) fn();
    },
  };
}
