/**
 * A device name as another computer wrote it: control and formatting characters (terminal escapes,
 * bidi overrides) become U+FFFD before it reaches a terminal or the screen, and it is kept short.
 */
export function printableName(name: string): string {
  return name.replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, '\uFFFD').slice(0, 100);
}
