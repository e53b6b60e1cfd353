import { useState } from 'react';
import { mainNow } from '../store/accounts';

let renderMoment: number | undefined;

/**
 * One moment for every countdown mounted in the same commit. Rows of a commit start their
 * animations together, so an identical delay keeps them stepping in the same frame; reading the
 * clock per row would spread 500 rows' steps over the render's duration and wake the page
 * every frame instead of once a second (measured).
 */
function sharedRenderMoment(): number {
  if (renderMoment === undefined) {
    renderMoment = mainNow();
    queueMicrotask(() => {
      renderMoment = undefined;
    });
  }
  return renderMoment;
}

/**
 * A bar that empties once per period, one step a second. The browser runs it (a CSS animation on
 * transform, aligned to the epoch by a negative delay), so the list never re-renders to count
 * seconds, and stepping rather than gliding lets the page draw once a second, not every frame.
 */
export function Countdown({ period }: { period: number }) {
  const [delay] = useState(() => ((sharedRenderMoment() / 1000) % period).toFixed(3));
  return (
    <span className="countdown" aria-hidden="true">
      <span className="countdown-bar" style={{ animationDuration: `${period}s`, animationDelay: `-${delay}s`, animationTimingFunction: `steps(${period}, end)` }} />
    </span>
  );
}
