import './policy.css';
import { useEffect } from 'react';
import { api } from '../api';
import { loadPolicy, usePolicy } from '../store/policy';

const NO_PROBLEMS: readonly string[] = [];

/** Tells people when their organisation's policy could not be read as written, so they can tell IT. */
export function PolicyBanner() {
  const problems = usePolicy((state) => state.status?.problems ?? NO_PROBLEMS);
  useEffect(() => {
    void loadPolicy();
    return api().on('policy:changed', () => void loadPolicy());
  }, []);
  if (problems.length === 0) return null;
  return (
    <details className="banner banner-warning" role="status">
      <summary>Your organisation’s settings for Traykey have a problem: tell your IT team.</summary>
      <p>Until it is fixed, what could be read applies.</p>
      <ul>
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
    </details>
  );
}
