import { memo, type CSSProperties } from 'react';
import { useAccounts } from '../store/accounts';
import { countdownProperties } from './countdown-clock';
import { groupCode } from './live-codes';

/**
 * The code in groups for reading; the text content stays the plain code for copy and tests.
 * Screen readers get it once, spaced ("551 606"), from a hidden twin.
 */
export function Code({ code, spokenSuffix = '' }: { code: string; spokenSuffix?: string }) {
  const groups = groupCode(code);
  return (
    <>
      <span className="sr-only">
        {groups.join(' ')}
        {spokenSuffix}
      </span>
      <span className="code" aria-hidden="true">
        {groups.map((group, index) => (
          <span key={index} className="code-group">
            {group}
          </span>
        ))}
      </span>
    </>
  );
}

/**
 * A TOTP row's code, subscribed on its own: at a boundary only this small element re-renders, not
 * the row with its buttons, so 500 rows flip in one cheap commit. The next code is always in the
 * page; the shared countdown properties show it in the period's last seconds, without a render.
 */
export const LiveCode = memo(function LiveCode({ id, period, spokenSuffix }: { id: string; period: number; spokenSuffix?: string }) {
  const live = useAccounts((state) => state.codes[id]);
  if (!live?.code) return <span className="code code-placeholder">···</span>;
  const showNext = { display: `var(${countdownProperties(period).next}, none)` } as CSSProperties;
  return (
    <>
      <Code code={live.code} spokenSuffix={spokenSuffix} />
      {live.next ? (
        <span className="next-code" style={showNext} aria-hidden="true">
          <span className="next-code-label">next</span>
          {groupCode(live.next).join(' ')}
        </span>
      ) : null}
    </>
  );
});
