import type { HalLink, Links } from './schemas';

/** Finds a HAL link by relation, and by `name` when the relation holds several (`send`, `resend`). */
export function findLink(links: Links | undefined, rel: string, name?: string): HalLink | undefined {
  const entry = links?.[rel];
  if (!entry) return undefined;
  const all = Array.isArray(entry) ? entry : [entry];
  return name === undefined ? all[0] : all.find((link) => link.name === name);
}
