/** What the tray shows for waiting requests: a count beside the icon (macOS) and in the tooltip. */
export function pushBadge(count: number): { title: string; toolTip: string } {
  if (count <= 0) return { title: '', toolTip: 'Traykey' };
  return { title: String(count), toolTip: count === 1 ? 'Traykey: 1 sign-in request waiting' : `Traykey: ${count} sign-in requests waiting` };
}
