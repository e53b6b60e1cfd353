/**
 * Names that reach a person's eyes (issuer, account name) from links, QR codes, imports, deep links
 * and sync, checked after every decoding step: a percent-encoded ESC can clear a terminal, and a
 * right-to-left override can make "PayPal" read as something else.
 *
 * Refused: C0 and C1 control characters (including tab, newline and DEL), the Unicode line and
 * paragraph separators, and bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069).
 * Zero-width joiners stay allowed: emoji and several scripts need them.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

export type DisplayTextProblem = { kind: 'control' | 'bidi'; codePoint: string };

/** The first character that makes `text` unsafe to show, or null. */
export function displayTextProblem(text: string): DisplayTextProblem | null {
  const match = HIDDEN.exec(text);
  if (!match) return null;
  const code = match[0].codePointAt(0) ?? 0;
  const codePoint = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return { kind: code >= 0x202a ? 'bidi' : 'control', codePoint };
}

/** "issuer contains a hidden control character (U+001B)", for the caller's own error sentence. */
export function describeDisplayTextProblem(field: string, problem: DisplayTextProblem): string {
  const what = problem.kind === 'bidi' ? 'a text-direction override' : 'a hidden control character';
  return `${field} contains ${what} (${problem.codePoint}), which could disguise it`;
}

/** The sentence for the first unsafe name among `fields`, or null when all can be shown. */
export function displayTextRefusal(fields: readonly (readonly [field: string, value: string | undefined])[]): { field: string; reason: string } | null {
  for (const [field, value] of fields) {
    if (value === undefined) continue;
    const problem = displayTextProblem(value);
    if (problem) return { field, reason: describeDisplayTextProblem(field, problem) };
  }
  return null;
}
