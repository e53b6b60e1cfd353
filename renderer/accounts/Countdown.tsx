import type { CSSProperties } from 'react';
import { countdownProperty } from './countdown-clock';

/**
 * A bar that empties once per period, one step a second. It holds no timer or animation of its
 * own: it reads its period's shared fraction, which the list's one timer updates (see
 * countdown-clock.ts), so the rows never re-render to count seconds.
 */
export function Countdown({ period }: { period: number }) {
  const style = { transform: `scaleX(var(${countdownProperty(period)}, 1))` } as CSSProperties;
  return (
    <span className="countdown" aria-hidden="true">
      <span className="countdown-bar" style={style} />
    </span>
  );
}
