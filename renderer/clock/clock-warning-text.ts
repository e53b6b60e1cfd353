import type { ClockStatus } from '../../shared/ipc/clock';

/** The banner's sentence, or null when the clock is close enough (or was never measured). */
export function clockWarningText(status: ClockStatus | null): string | null {
  if (!status?.warning || status.offsetMs === null) return null;
  const seconds = Math.round(Math.abs(status.offsetMs) / 1000);
  const direction = status.offsetMs > 0 ? 'behind' : 'ahead of';
  const where = status.host ? ` ${status.host}` : ' the server';
  return `This computer’s clock is ${seconds} s ${direction}${where}. Traykey corrects its codes, but other apps may not: set the clock to update automatically.`;
}
