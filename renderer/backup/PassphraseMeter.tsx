import { useEffect, useState } from 'react';
import type { PassphraseVerdict } from '../../shared/passphrase-strength';

const WORDS = ['Very weak', 'Weak', 'Fair', 'Strong', 'Very strong'];

/** zxcvbn's estimate as the person types: the same rule main applies before writing the backup. */
export function usePassphraseVerdict(passphrase: string): PassphraseVerdict | null {
  const [verdict, setVerdict] = useState<PassphraseVerdict | null>(null);
  useEffect(() => {
    if (passphrase === '') {
      setVerdict(null);
      return;
    }
    let current = true;
    void import('../../shared/passphrase-strength').then(({ judgePassphrase }) => judgePassphrase(passphrase, 'backup')).then((next) => current && setVerdict(next));
    return () => {
      current = false;
    };
  }, [passphrase]);
  return verdict;
}

export function PassphraseMeter({ verdict }: { verdict: PassphraseVerdict | null }) {
  if (!verdict) return null;
  const word = WORDS[verdict.score] ?? WORDS[0];
  return (
    <div className="strength">
      <meter min={0} max={4} low={2} high={3} optimum={4} value={verdict.score} aria-label="Passphrase strength" aria-valuetext={word} />
      <span className={verdict.ok ? 'hint' : 'field-error'} aria-live="polite">
        {word}
        {verdict.reason ? `: ${verdict.reason}` : ''}
      </span>
    </div>
  );
}
