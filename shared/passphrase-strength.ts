/**
 * The one strength rule for every passphrase a person chooses in Traykey: the vault's and each backup's.
 * Both protect a file that can be copied away and attacked offline, so "long enough" is not the test;
 * zxcvbn's estimate of guesses is (dictionary words, names, keyboard walks, repeats and dates count for
 * little). Plain code shared by the CLI, main and the renderer's live feedback.
 */
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { appError } from './errors';

/** zxcvbn's score 3: about 10^10 guesses, "safely unguessable" for a slow hash like the vault's scrypt. */
export const MIN_PASSPHRASE_SCORE = 3;

export type PassphraseUse = 'vault' | 'backup';

export interface PassphraseVerdict {
  ok: boolean;
  /** zxcvbn's score, 0 (trivial) to 4 (very hard to guess). */
  score: number;
  /** Why it is refused and what would help, for the person; absent when ok. */
  reason?: string;
}

let checker: Promise<ZxcvbnFactory> | undefined;

/** The dictionaries are several megabytes: loaded on first use only, and once per process. */
function loadChecker(): Promise<ZxcvbnFactory> {
  checker ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-en')]).then(
    ([core, common, en]) => new core.ZxcvbnFactory({ translations: en.translations, graphs: common.adjacencyGraphs, dictionary: { ...common.dictionary, ...en.dictionary } }),
  );
  return checker;
}

const sentence = (text: string): string => (/[.!?]$/.test(text) ? text : `${text}.`);

/** How guessable `passphrase` is, with zxcvbn's own advice when it falls short. */
export async function judgePassphrase(passphrase: string, use: PassphraseUse): Promise<PassphraseVerdict> {
  const result = (await loadChecker()).check(passphrase);
  if (result.score >= MIN_PASSPHRASE_SCORE) return { ok: true, score: result.score };
  const advice = [result.feedback.warning, ...result.feedback.suggestions].filter((text): text is string => Boolean(text)).map(sentence);
  const what = use === 'vault' ? 'vault passphrase' : 'backup passphrase';
  return {
    ok: false,
    score: result.score,
    reason: `This ${what} is too easy to guess (about 10^${Math.round(result.guessesLog10)} guesses)${advice.length ? `: ${advice.join(' ')}` : '.'} A few unrelated words, or a longer sentence of your own, are strong and easy to remember.`,
  };
}

/** INVALID_INPUT naming the reason when `passphrase` is too weak for `use`. */
export async function requireStrongPassphrase(passphrase: string, use: PassphraseUse): Promise<void> {
  const verdict = await judgePassphrase(passphrase, use);
  if (!verdict.ok) throw appError('INVALID_INPUT', verdict.reason ?? 'This passphrase is too easy to guess.', { field: 'passphrase' });
}
