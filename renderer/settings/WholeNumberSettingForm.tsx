import { useEffect, useState, type FormEvent } from 'react';
import type { AppErrorData } from '../../shared/errors';
import type { Settings } from '../../shared/ipc/settings';
import { TextField } from '../ui/TextField';
import { ManagedNote } from '../policy/ManagedNote';
import { saveSettings } from '../store/settings';
import { showToast } from '../store/toasts';

type WholeNumberSetting = 'clipboardClearSeconds' | 'lockAfterMinutes';

export interface WholeNumberSettingFormProps {
  setting: WholeNumberSetting;
  current: number;
  max: number;
  title: string;
  label: string;
  hint: string;
  /** The sentence shown when the entry is not a whole number from 0 to `max`. */
  outOfRange: string;
  /** The organisation's ceiling, where its policy sets one: 0 and anything above it are refused. */
  managed?: { limit: number; what: string };
}

/** One card that edits a whole-number setting, checked here before main validates it again. */
export function WholeNumberSettingForm(props: WholeNumberSettingFormProps) {
  const { setting, current, max } = props;
  const [value, setValue] = useState(String(current));
  const [error, setError] = useState<AppErrorData | null>(null);
  useEffect(() => setValue(String(current)), [current]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = Number(value);
    if (value.trim() === '' || !Number.isInteger(parsed) || parsed < 0 || parsed > max) {
      setError({ code: 'INVALID_INPUT', field: setting, message: props.outOfRange });
      return;
    }
    const limit = props.managed?.limit;
    if (limit !== undefined && (parsed === 0 || parsed > limit)) {
      setError({ code: 'MANAGED_BY_POLICY', field: setting, message: `Enter a whole number from 1 to ${limit}: ${props.managed?.what}` });
      return;
    }
    const change: Partial<Settings> = { [setting]: parsed };
    const failure = await saveSettings(change);
    setError(failure ? { ...failure, field: setting } : null);
    if (!failure) showToast({ message: 'Saved.' }, 2000);
  };

  const titleId = `${setting}-title`;
  return (
    <form className="card form" aria-labelledby={titleId} onSubmit={(event) => void submit(event)}>
      <h2 id={titleId}>{props.title}</h2>
      {/* Under a policy its limit replaces the hint: the hint's "0 means never" is not allowed then. */}
      <TextField label={props.label} name={setting} type="number" value={value} onChange={setValue} error={error} {...(props.managed ? {} : { hint: props.hint })} />
      {props.managed ? <ManagedNote what={props.managed.what} /> : null}
      <div className="form-actions">
        <button type="submit" className="primary">
          Save
        </button>
      </div>
    </form>
  );
}
