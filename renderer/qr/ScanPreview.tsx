import type { PreviewAccount, PreviewCode } from '../../shared/ipc/scan';
import { displayName } from '../../shared/account-names';
import { BreakableText } from '../ui/BreakableText';
import { goTo } from '../store/navigation';
import { offerPairingWords } from '../settings/pairing-store';
import { toggle, transferProgress, useScan } from './scan-store';

const details = (a: PreviewAccount) => `${a.type.toUpperCase()} · ${a.algorithm} · ${a.digits} digits${a.type === 'hotp' ? ` · counter ${a.counter ?? 0}` : ` · ${a.period} s`}`;

function AccountChoice({ account }: { account: PreviewAccount }) {
  const skip = useScan((s) => s.skip.includes(account.key));
  const replace = useScan((s) => s.replace.includes(account.key));
  return (
    <li className="scan-account">
      <label className="choice">
        <input type="checkbox" checked={!skip} onChange={(e) => toggle('skip', account.key, !e.target.checked)} /> <strong>{displayName(account)}</strong>
      </label>
      <span className="hint">{details(account)}</span>
      {account.duplicateOf && !skip ? (
        <fieldset className="scan-duplicate">
          <legend>Already saved as {displayName(account.duplicateOf)}</legend>
          <label className="choice">
            <input type="radio" name={`dup-${account.key}`} checked={!replace} onChange={() => toggle('replace', account.key, false)} /> Skip
          </label>
          <label className="choice">
            <input type="radio" name={`dup-${account.key}`} checked={replace} onChange={() => toggle('replace', account.key, true)} /> Replace
          </label>
        </fieldset>
      ) : null}
    </li>
  );
}

function CodeItem({ code }: { code: PreviewCode }) {
  switch (code.kind) {
    case 'otpauth':
      return <AccountChoice account={code.accounts[0]!} />;
    case 'migration':
      return (
        <li className="scan-code">
          <span>
            Google Authenticator transfer, code {code.batch.index + 1} of {Math.max(code.batch.size, code.batch.index + 1)}
          </span>
          <ul className="scan-accounts">
            {code.accounts.map((account) => (
              <AccountChoice key={account.key} account={account} />
            ))}
          </ul>
        </li>
      );
    case 'link':
      return (
        <li className="scan-code scan-other">
          Web address (not an account, not saved):{' '}
          <code>
            <BreakableText text={code.text} />
          </code>
        </li>
      );
    case 'text':
      return (
        <li className="scan-code scan-other">
          Text (not an account, not saved):{' '}
          <code>
            <BreakableText text={code.text} />
          </code>
        </li>
      );
    case 'sync-pairing':
      return (
        <li className="scan-code scan-pairing">
          <span>Sync pairing code from your other computer (not an account).</span>
          <button
            type="button"
            onClick={() => {
              offerPairingWords(code.words);
              goTo('settings');
            }}
          >
            Join its sync…
          </button>
        </li>
      );
    case 'invalid':
      return (
        <li className="scan-code scan-invalid" role="alert">
          {code.message}
        </li>
      );
  }
}

export function ScanPreview() {
  const codes = useScan((s) => s.codes);
  const progress = transferProgress(codes);
  if (codes.length === 0) return null;
  return (
    <div className="card" aria-label="Found codes">
      {progress.map((p) => (
        <p key={p.id} className="hint">
          Google Authenticator transfer: {p.scanned} of {p.size} scanned{p.scanned < p.size ? '; show the next code and scan again.' : '.'}
        </p>
      ))}
      <ul className="scan-list">
        {codes.map((code) => (
          <CodeItem key={code.index} code={code} />
        ))}
      </ul>
    </div>
  );
}
