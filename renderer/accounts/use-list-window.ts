import { useLayoutEffect, useReducer, useRef, type RefObject } from 'react';
import { listWindow, sameWindow, type ListViewport, type ListWindow } from './list-window';

/** Until the first rows are measured: a popup-sized view of rows about 3.4rem high. */
const FIRST_GUESS: ListViewport = { scrollTop: 0, viewHeight: 520, listTop: 0, rowPitch: 58 };

function scrollParent(element: HTMLElement): HTMLElement | null {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if (overflowY === 'auto' || overflowY === 'scroll') return node;
  }
  return null;
}

/** The view as it is laid out now; the row pitch from the rendered rows, else the last one known. */
function measure(list: HTMLElement, container: HTMLElement, lastPitch: number): ListViewport {
  const rows = list.children;
  const first = rows[0]?.getBoundingClientRect();
  const last = rows[rows.length - 1]?.getBoundingClientRect();
  let rowPitch = lastPitch;
  if (first && last && rows.length > 1) rowPitch = (last.top - first.top) / (rows.length - 1);
  else if (first) rowPitch = first.height + (Number.parseFloat(getComputedStyle(list).rowGap) || 0);
  const listTop = list.getBoundingClientRect().top - container.getBoundingClientRect().top + container.scrollTop;
  return { scrollTop: container.scrollTop, viewHeight: container.clientHeight, listTop, rowPitch };
}

/**
 * The rows of a `count`-row list to render now (see list-window.ts), following the scroll container's
 * scroll and size. The list re-renders only when the window moves, not on every scroll event.
 */
export function useListWindow(list: RefObject<HTMLElement | null>, count: number, keep: readonly number[]): ListWindow {
  const viewport = useRef(FIRST_GUESS);
  const latest = useRef({ count, keep, shown: listWindow(count, FIRST_GUESS, keep) });
  const [, rerender] = useReducer((version: number) => version + 1, 0);
  const shown = listWindow(count, viewport.current, keep);

  // After each render the rows are laid out: the pitch and the list's place may have changed
  // (a renamed row, zoom, a banner above), so measure and move the window if it must.
  useLayoutEffect(() => {
    latest.current = { count, keep, shown };
    const element = list.current;
    const container = element ? scrollParent(element) : null;
    if (!element || !container) return;
    viewport.current = measure(element, container, viewport.current.rowPitch);
    if (!sameWindow(listWindow(count, viewport.current, keep), shown)) rerender();
  });

  useLayoutEffect(() => {
    const element = list.current;
    const container = element ? scrollParent(element) : null;
    if (!element || !container) return;
    const follow = () => {
      viewport.current = measure(element, container, viewport.current.rowPitch);
      const { count: rows, keep: kept, shown: current } = latest.current;
      if (!sameWindow(listWindow(rows, viewport.current, kept), current)) rerender();
    };
    container.addEventListener('scroll', follow, { passive: true });
    const resize = new ResizeObserver(follow);
    resize.observe(container);
    return () => {
      container.removeEventListener('scroll', follow);
      resize.disconnect();
    };
  }, [list]);

  return shown;
}
