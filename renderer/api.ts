/**
 * The renderer's only way to main: the bridge the preload exposes as `window.traykey`.
 * Every call answers a Result; nothing here throws for an expected failure.
 */
import type { TraykeyBridge } from '../shared/ipc';

declare global {
  interface Window {
    traykey?: TraykeyBridge;
  }
}

export function findBridge(): TraykeyBridge | undefined {
  return window.traykey;
}

/** The bridge; App checks `findBridge()` before any view mounts, so views can rely on it. */
export function api(): TraykeyBridge {
  const bridge = window.traykey;
  if (!bridge) throw new Error('The Traykey bridge is missing.');
  return bridge;
}
