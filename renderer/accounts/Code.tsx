import { memo } from 'react';
import { useAccounts } from '../store/accounts';
import { groupCode } from './live-codes';

/** The code in groups for reading; the text content stays the plain code for copy and tests. */
export function Code({ code }: { code: string }) {
  return (
    <span className="code">
      {groupCode(code).map((group, index) => (
        <span key={index} className="code-group">
          {group}
        </span>
      ))}
    </span>
  );
}

/**
 * A TOTP row's code, subscribed on its own: at a boundary only this small element re-renders,
 * not the row with its buttons, so 500 rows flip in one cheap commit.
 */
export const LiveCode = memo(function LiveCode({ id }: { id: string }) {
  const code = useAccounts((state) => state.codes[id]?.code);
  return code ? <Code code={code} /> : <span className="code code-placeholder">···</span>;
});
