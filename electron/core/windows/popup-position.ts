/**
 * Where the popup appears: next to the tray icon, on the display the icon is on, inside that
 * display's work area (never under a taskbar or the menu bar, never across two screens).
 */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PopupPlacementInput {
  /** Tray.getBounds(); all zeros where the OS does not report it (most Linux desktops). */
  trayBounds: Rect;
  /** Where the pointer is: the anchor when the tray icon's bounds are unknown. */
  cursor: { x: number; y: number };
  /** The display holding the anchor (screen.getDisplayMatching / getDisplayNearestPoint). */
  display: { bounds: Rect; workArea: Rect };
  size: { width: number; height: number };
}

export type Edge = 'top' | 'bottom' | 'left' | 'right';

const GAP = 6;

function hasArea(rect: Rect): boolean {
  return rect.width > 0 && rect.height > 0;
}

/** Which screen edge the tray sits on: where the work area was cut, else the nearest edge to the anchor. */
export function trayEdge(display: { bounds: Rect; workArea: Rect }, anchor: { x: number; y: number }): Edge {
  const { bounds, workArea } = display;
  if (workArea.y > bounds.y) return 'top';
  if (workArea.y + workArea.height < bounds.y + bounds.height) return 'bottom';
  if (workArea.x > bounds.x) return 'left';
  if (workArea.x + workArea.width < bounds.x + bounds.width) return 'right';
  const distances: [Edge, number][] = [
    ['top', anchor.y - bounds.y],
    ['bottom', bounds.y + bounds.height - anchor.y],
    ['left', anchor.x - bounds.x],
    ['right', bounds.x + bounds.width - anchor.x],
  ];
  distances.sort((a, b) => a[1] - b[1]);
  return distances[0]?.[0] ?? 'bottom';
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, Math.max(min, max)));
}

export function popupBounds(input: PopupPlacementInput): Rect {
  const { display, cursor } = input;
  const work = display.workArea;
  const width = Math.min(input.size.width, work.width);
  const height = Math.min(input.size.height, work.height);
  const anchor = hasArea(input.trayBounds) ? input.trayBounds : { x: cursor.x, y: cursor.y, width: 0, height: 0 };
  const centerX = anchor.x + anchor.width / 2;
  const centerY = anchor.y + anchor.height / 2;
  const edge = trayEdge(display, { x: centerX, y: centerY });

  let x: number;
  let y: number;
  switch (edge) {
    case 'top':
      x = centerX - width / 2;
      y = work.y + GAP;
      break;
    case 'bottom':
      x = centerX - width / 2;
      y = work.y + work.height - height - GAP;
      break;
    case 'left':
      x = work.x + GAP;
      y = centerY - height / 2;
      break;
    case 'right':
      x = work.x + work.width - width - GAP;
      y = centerY - height / 2;
      break;
  }
  return {
    x: Math.round(clamp(x, work.x, work.x + work.width - width)),
    y: Math.round(clamp(y, work.y, work.y + work.height - height)),
    width,
    height,
  };
}
