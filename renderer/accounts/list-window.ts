/**
 * Which rows of the account list are in the page. The popup shows about eight rows; with 500
 * accounts, rendering all of them made every countdown second restyle and relayout the whole list.
 * Only the rows in view, a margin of rows each side (so arrow keys and a short scroll always land
 * on a row that exists) and the rows that must stay (the focused one, the one being dragged) are
 * rendered; padding stands in for the rest, so the scrollbar and the scroll position stay true.
 */

/** Rows rendered beyond each edge of the view. */
export const OVERSCAN_ROWS = 4;

export interface ListViewport {
  /** The scroll container's scrollTop. */
  scrollTop: number;
  /** The scroll container's visible height. */
  viewHeight: number;
  /** Where the list starts inside the scrolled content (the search box and filters sit above it). */
  listTop: number;
  /** One row's height plus the gap to the next. */
  rowPitch: number;
}

export interface ListWindow {
  /** First rendered row. */
  start: number;
  /** One past the last rendered row. */
  end: number;
  /** Space standing in for the rows above `start` and below `end`, in px. */
  before: number;
  after: number;
}

export function listWindow(count: number, viewport: ListViewport, keep: readonly number[] = []): ListWindow {
  const pitch = Math.max(1, viewport.rowPitch);
  const top = viewport.scrollTop - viewport.listTop;
  const first = Math.floor(top / pitch);
  const last = Math.ceil((top + viewport.viewHeight) / pitch);
  let start = clamp(first - OVERSCAN_ROWS, 0, count);
  let end = clamp(last + OVERSCAN_ROWS, start, count);
  for (const index of keep) {
    if (index < 0 || index >= count) continue;
    start = Math.min(start, index);
    end = Math.max(end, index + 1);
  }
  return { start, end, before: start * pitch, after: (count - end) * pitch };
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

export function sameWindow(a: ListWindow, b: ListWindow): boolean {
  return a.start === b.start && a.end === b.end && a.before === b.before && a.after === b.after;
}
