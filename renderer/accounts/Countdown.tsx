import type { CSSProperties } from 'react';
import { countdownProperties, secondsLeft } from './countdown-clock';
import { useTick } from './tick-store';

/**
 * A bar that empties once per period and the seconds left beside it, turning the warning colour in
 * the last seconds. It holds no timer: it reads its period's shared values, which the list's one
 * timer updates (see countdown-clock.ts), so rows never re-render to count seconds. The seconds
 * shown are generated content; the selected row (the one a screen reader is on) also says them in text.
 */
export function Countdown({ period, spoken }: { period: number; spoken: boolean }) {
  const names = countdownProperties(period);
  const bar = { transform: `scaleX(var(${names.fraction}, 1))`, background: `var(${names.tone}, var(--bar))` } as CSSProperties;
  const seconds = { '--seconds': `var(${names.seconds}, "")`, color: `var(${names.ink}, var(--muted))` } as CSSProperties;
  return (
    <span className="countdown">
      <span className="countdown-track" aria-hidden="true">
        <span className="countdown-bar" style={bar} />
      </span>
      <span className="countdown-seconds" style={seconds} aria-hidden="true" />
      {spoken ? <SpokenSeconds period={period} /> : null}
    </span>
  );
}

function SpokenSeconds({ period }: { period: number }) {
  const second = useTick((state) => state.second);
  return <span className="sr-only">{secondsLeft(second * 1000, period)} seconds left</span>;
}
