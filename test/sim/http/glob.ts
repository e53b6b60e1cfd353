/**
 * Path globs for fault rules and rate-limit buckets: `*` matches within one segment,
 * `**` matches any number of segments (including none).
 */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === '*' && glob[i + 1] === '*') {
      out += '.*';
      i++;
    } else if (c === '*') {
      out += '[^/]*';
    } else {
      out += c.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${out}$`);
}

export function methodMatches(ruleMethod: string | undefined, method: string): boolean {
  return ruleMethod === undefined || ruleMethod === '*' || ruleMethod.toUpperCase() === method.toUpperCase();
}
