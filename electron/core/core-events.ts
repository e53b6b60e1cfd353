import type { EventName } from '../../shared/ipc';

export interface CoreEvents {
  /** `fn` gets the event's payload, for the events shared/ipc.ts gives one (EVENT_PAYLOADS). */
  on(name: EventName, fn: (payload?: unknown) => void): () => void;
}

/** The events the services announce and main forwards to the pages. */
export interface CoreEventHub extends CoreEvents {
  emit(name: EventName, payload?: unknown): void;
}

export function createEvents(): CoreEventHub {
  const listeners = new Map<EventName, Set<(payload?: unknown) => void>>();
  return {
    on(name, fn) {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      set.add(fn);
      return () => set.delete(fn);
    },
    emit(name, payload) {
      for (const fn of [...(listeners.get(name) ?? [])]) fn(payload);
    },
  };
}
