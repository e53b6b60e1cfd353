import type { ClockStatus } from '../../shared/ipc/clock';

/** The banner's sentence, or null when the clock is close enough (or was never measured). */
export function clockWarningText(status: ClockStatus | null): string | null {
  if (!status?.warning || status.offsetMs === null) return null;
  const seconds = Math.round(Math.abs(status.offsetMs) / 1000);
  const direction = status.offsetMs > 0 ? 'behind' : 'ahead of';
  const where = status.host ? ` ${status.host}` : ' the server';
  const fix = 'set the clock to update automatically.';
  const difference = `This computer’s clock is ${seconds} s ${direction}${where}.`;
  if (status.refused) return `${difference} That is more than Traykey will correct, so codes follow this computer’s clock and may be refused: ${fix}`;
  if (status.appliedMs !== 0) return `${difference} Traykey corrects its codes, but other apps may not: ${fix}`;
  return `${difference} Codes follow this computer’s clock until a second source agrees, so they may be refused: ${fix}`;
}
