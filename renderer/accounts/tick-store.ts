/**
 * The whole second of main's time the list's timer last painted, for the few things that must be
 * text rather than CSS: the selected row's "12 seconds left" in its accessible name. A store of its
 * own, so the 500 rows' selectors on the accounts store are not run every second.
 */
import { create } from 'zustand';

export const useTick = create<{ second: number }>(() => ({ second: 0 }));

export function setTick(now: number): void {
  const second = Math.floor(now / 1000);
  if (useTick.getState().second !== second) useTick.setState({ second });
}
