/** A word as a POSIX shell reads it back unchanged: bare when safe, else in single quotes. */
function shellWord(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A command line a person can paste into a shell as it is. */
export function shellCommand(words: string[]): string {
  return words.map(shellWord).join(' ');
}
