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
