import type { CliIo } from './context';

/**
 * Text from a server or a file is printed as text, never as terminal instructions: control
 * characters (ESC and the rest of C0, DEL, C1, U+2028/9) and bidi embeddings, overrides and isolates
 * are shown as `\u001B`-style escapes. A binding message `hi\u001b[1A\u001b[2Kfake line` would
 * otherwise overwrite the line the approver reads, and a newline would print a fake one.
 * The `\uXXXX` form keeps JSON output valid JSON that decodes to the same string.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

const escaped = (char: string) => `\\u${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** One value from a server or a file, escaped completely (newlines and tabs included). */
export function forTerminal(value: string): string {
  return value.replace(UNSAFE, escaped);
}

/** Whole lines Traykey wrote: its own newlines and tab separators stay, anything else unsafe is escaped. */
function safeLines(text: string): string {
  return text.replace(UNSAFE, (char) => (char === '\n' || char === '\t' ? char : escaped(char)));
}

/** The CLI's output streams with the safety net applied to everything written through them. */
export function terminalSafeIo(io: CliIo): CliIo {
  return { ...io, stdout: (text) => io.stdout(safeLines(text)), stderr: (text) => io.stderr(safeLines(text)) };
}

/** One tab-separated output line whose fields may hold server or file text. */
export function tsvLine(fields: readonly (string | undefined)[]): string {
  return `${fields
    .filter((field): field is string => field !== undefined)
    .map(forTerminal)
    .join('\t')}\n`;
}
