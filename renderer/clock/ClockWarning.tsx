import { useEffect, useState } from 'react';
import type { ClockStatus } from '../../shared/ipc/clock';
import { api } from '../api';
import { clockWarningText } from './clock-warning-text';

/** A small banner while this machine's clock is more than 15 s off a server's; main measures, this only shows. */
export function ClockWarning() {
  const [status, setStatus] = useState<ClockStatus | null>(null);
  useEffect(() => {
    const bridge = api();
    const load = async () => {
      const result = await bridge.clockStatus({});
      if (result.ok) setStatus(result.value);
    };
    void load();
    return bridge.on('clock:changed', () => void load());
  }, []);
  const text = clockWarningText(status);
  return text ? (
    <p className="banner banner-error clock-warning" role="status">
      {text}
    </p>
  ) : null;
}
