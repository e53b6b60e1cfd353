import { useState } from 'react';
import { ManagedNote } from '../policy/ManagedNote';
import { useFeatureOff } from '../store/policy';
import { saveSettings } from '../store/settings';
import { showError } from '../store/toasts';

/**
 * Shows or hides the Admin tab. A native checkbox with the switch role: Space toggles it and it sits
 * in the tab order like any other control, so it works from the keyboard without extra handling.
 */
export function AdminAreaToggle({ on }: { on: boolean }) {
  const [saving, setSaving] = useState(false);
  const switchedOff = useFeatureOff('admin');
  // Not `disabled` while saving: disabling the focused control would drop keyboard focus.
  const change = async (next: boolean) => {
    if (saving) return;
    setSaving(true);
    const error = await saveSettings({ adminArea: next });
    setSaving(false);
    if (error) showError(error);
  };
  return (
    <div className="card form">
      <h2>Admin</h2>
      <label className="choice">
        <input
          type="checkbox"
          role="switch"
          checked={on}
          disabled={switchedOff}
          aria-busy={saving}
          aria-describedby="admin-area-hint"
          onChange={(event) => void change(event.target.checked)}
        />
        <span>Show the Admin area</span>
      </label>
      <p id="admin-area-hint" className="hint">
        For administrators of a test Okta or Auth0 org: enrol test users and ask a user to confirm a sign-in.
      </p>
      {switchedOff ? <ManagedNote what="the Admin area is switched off." /> : null}
    </div>
  );
}
