import { usePolicy } from '../store/policy';
import { WholeNumberSettingForm } from './WholeNumberSettingForm';

const MAX_MINUTES = 1440;

/** How long Traykey stays unlocked without being used; sleep and screen lock always lock it. */
export function LockAfterForm({ minutes }: { minutes: number }) {
  const limit = usePolicy((state) => state.status?.policy.minLockTimeoutMinutes);
  return (
    <WholeNumberSettingForm
      setting="lockAfterMinutes"
      current={minutes}
      max={MAX_MINUTES}
      title="Locking"
      label="Lock after this many minutes unused"
      hint="Traykey also locks when the computer sleeps or the screen locks; 0 locks only then."
      outOfRange={`Enter a whole number of minutes from 0 (only on sleep and screen lock) to ${MAX_MINUTES}.`}
      {...(limit !== undefined ? { managed: { limit, what: `Traykey locks after at most ${limit} minutes unused.` } } : {})}
    />
  );
}
