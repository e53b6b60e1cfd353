import { Fragment } from 'react';

/**
 * Long machine text (a web address, a login) offered line breaks after its separators, so it wraps
 * at `/`, `?`, `&`, `.`, `@` instead of mid-word; a part longer than the line still wraps (CSS).
 */
export function BreakableText({ text }: { text: string }) {
  const parts = text.split(/(?<=[/?&=.@_:-])/);
  return (
    <>
      {parts.map((part, index) => (
        <Fragment key={index}>
          {index > 0 ? <wbr /> : null}
          {part}
        </Fragment>
      ))}
    </>
  );
}
