import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { captureKeyPress, DEFAULT_SHORTCUT, displayAccelerator } from '../../shared/shortcut/accelerator';
import { appMessage } from '../ui/app-wording';
import { changeShortcut, listenForShortcut, useShortcutStatus } from './shortcut-status';
import './shortcut.css';

type Capture = { held: string; refusal: string | null; saving: boolean };

/**
 * The global shortcut: shown as people read it (⌥⌘K on a Mac, Ctrl+Alt+K elsewhere), changed by
 * pressing the new keys. While it listens, every key press belongs to it; Escape (or leaving it)
 * cancels, and a refused combination is explained without leaving, so the next try is one press away.
 */
export function ShortcutCard() {
  const [status, setStatus] = useShortcutStatus();
  const [capture, setCapture] = useState<Capture | null>(null);
  const [said, setSaid] = useState('');
  const [error, setError] = useState<string | null>(null);
  const changeButton = useRef<HTMLButtonElement>(null);
  const listener = useRef<HTMLDivElement>(null);
  /** Set when listening ended by Escape or a saved change, so the blur of the unmounting listener is not a cancel. */
  const ended = useRef(false);
  const listening = capture !== null;
  useEffect(() => {
    if (!listening) return;
    listenForShortcut(true);
    return () => listenForShortcut(false);
  }, [listening]);
  useEffect(() => {
    if (listening) listener.current?.focus();
    // Once listening ends by Escape or a saved change, the person continues from the button that started it.
    else if (ended.current) changeButton.current?.focus();
  }, [listening]);
  if (!status) return null;
  const { platform } = status;
  const shown = (accelerator: string) => displayAccelerator(accelerator, platform);

  const finish = (message: string) => {
    ended.current = true;
    setCapture(null);
    setSaid(message);
  };

  const apply = async (accelerator: string | null, fromCapture: boolean) => {
    if (fromCapture) setCapture((current) => current && { ...current, saving: true });
    setError(null);
    const result = await changeShortcut(accelerator);
    if ('error' in result) {
      const message = appMessage(result.error);
      if (fromCapture) setCapture({ held: '', refusal: message, saving: false });
      else setError(message);
      return;
    }
    setStatus(result.status);
    const now = result.status.active ?? result.status.shortcut;
    const message = now ? `Traykey now opens with ${shown(now)}.` : 'The shortcut is off; open Traykey from its tray icon.';
    if (fromCapture) finish(message);
    else setSaid(message);
  };

  const listen = () => {
    ended.current = false;
    setSaid('');
    setError(null);
    setCapture({ held: '', refusal: null, saving: false });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (!capture || capture.saving) return;
    const plain = !event.ctrlKey && !event.altKey && !event.metaKey && !event.shiftKey;
    // Tab still moves on (and so cancels): the listener must never trap the keyboard.
    if (event.key === 'Tab' && (plain || (event.shiftKey && !event.ctrlKey && !event.altKey && !event.metaKey))) return;
    event.preventDefault();
    event.stopPropagation();
    if (event.key === 'Escape' && plain) {
      finish('');
      return;
    }
    const step = captureKeyPress(event, platform);
    if (step.kind === 'holding') setCapture({ held: step.label, refusal: capture.refusal, saving: false });
    else if (step.kind === 'refused') setCapture({ held: '', refusal: step.message, saving: false });
    else void apply(step.accelerator, true);
  };

  const onKeyUp = (event: KeyboardEvent) => {
    if (!capture || capture.saving) return;
    const step = captureKeyPress(event, platform);
    if (step.kind === 'holding') setCapture({ ...capture, held: step.label });
  };

  const current = status.shortcut;
  return (
    <div className="card form shortcut-card">
      <h2>Keyboard shortcut</h2>
      <p className="hint" id="shortcut-hint">
        Opens Traykey from any app, ready to search.
      </p>
      {capture ? (
        <div className="shortcut-row">
          <div
            className="shortcut-capture"
            role="textbox"
            tabIndex={0}
            aria-label="New shortcut"
            aria-describedby="shortcut-capture-hint"
            aria-invalid={capture.refusal !== null}
            aria-busy={capture.saving}
            ref={listener}
            onKeyDown={onKeyDown}
            onKeyUp={onKeyUp}
            onBlur={() => {
              if (ended.current) return;
              // Clicking away after a refusal keeps its sentence on screen: it is still the answer.
              setError(capture.refusal);
              setCapture(null);
            }}
          >
            {capture.held || 'Press the new keys…'}
          </div>
        </div>
      ) : (
        <div className="shortcut-row">
          <kbd className={current ? 'shortcut-keys' : 'shortcut-keys shortcut-off'}>
            {current ? shown(current) : 'Off'}
          </kbd>
          <button type="button" ref={changeButton} onClick={listen}>
            Change…
          </button>
        </div>
      )}
      {capture ? (
        <p className="hint" id="shortcut-capture-hint">
          Hold {platform === 'darwin' ? '⌘, ⌥ or ⌃' : 'Ctrl or Alt'}, then press a key. Escape cancels.
        </p>
      ) : null}
      <div aria-live="polite">
        {capture?.refusal ? <p className="field-error">{capture.refusal}</p> : null}
        {!capture && error ? <p className="field-error">{error}</p> : null}
        {!capture && !error && said ? <p className="hint">{said}</p> : null}
      </div>
      {!capture && status.problem ? (
        <p className="field-error" role="alert">
          {status.problem}
        </p>
      ) : null}
      {capture ? null : (
        <div className="form-actions">
          {status.problem && current ? (
            <button type="button" onClick={() => void apply(current, false)}>
              Try again
            </button>
          ) : null}
          {current !== null ? (
            <button type="button" onClick={() => void apply(null, false)}>
              Turn off
            </button>
          ) : null}
          {current !== DEFAULT_SHORTCUT ? (
            <button type="button" onClick={() => void apply(DEFAULT_SHORTCUT, false)}>
              Reset to {shown(DEFAULT_SHORTCUT)}
            </button>
          ) : null}
        </div>
      )}
    </div>
  );
}
