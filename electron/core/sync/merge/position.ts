/**
 * Positions in the manual order as strings that sort between their neighbours (fractional indexing),
 * so moving one account writes one short value instead of the whole list, and two devices' moves of
 * different accounts both survive.
 */
const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';
const BASE = DIGITS.length;

const digitAt = (key: string, index: number, fallback: number): number => (index < key.length ? DIGITS.indexOf(key[index]!) : fallback);

/** A key strictly between `before` ('' for the start) and `after` (undefined for the end); needs before < after. */
export function positionBetween(before: string, after: string | undefined): string {
  let result = '';
  let upper = after;
  for (let index = 0; ; index++) {
    const low = digitAt(before, index, 0);
    const high = upper === undefined ? BASE : digitAt(upper, index, 0);
    if (high - low > 1) return result + DIGITS[Math.floor((low + high) / 2)]!;
    result += DIGITS[low]!;
    // Once this digit is below `after`'s, anything longer stays below it.
    if (high - low === 1) upper = undefined;
  }
}

/** Indexes of a longest strictly increasing run of keys (undefined keys never count), in order. */
function longestIncreasing(keys: readonly (string | undefined)[]): Set<number> {
  const tails: number[] = [];
  const previous = new Array<number>(keys.length).fill(-1);
  keys.forEach((key, index) => {
    if (key === undefined) return;
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (keys[tails[middle]!]! < key) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[index] = tails[low - 1]!;
    tails[low] = index;
  });
  const kept = new Set<number>();
  for (let index = tails[tails.length - 1] ?? -1; index !== -1; index = previous[index]!) kept.add(index);
  return kept;
}

/**
 * New positions for the fewest entries so that `keys` (current positions, in the wanted order) becomes
 * strictly increasing: a longest increasing run stays put and every other entry moves between its
 * kept neighbours. Returns index → new key.
 */
export function repositions(keys: readonly (string | undefined)[]): Map<number, string> {
  const kept = longestIncreasing(keys);
  const moved = new Map<number, string>();
  let before = '';
  for (let index = 0; index < keys.length; index++) {
    if (kept.has(index)) {
      before = keys[index]!;
      continue;
    }
    let next: string | undefined;
    for (let ahead = index + 1; ahead < keys.length; ahead++) {
      if (kept.has(ahead)) {
        next = keys[ahead];
        break;
      }
    }
    before = positionBetween(before, next);
    moved.set(index, before);
  }
  return moved;
}
