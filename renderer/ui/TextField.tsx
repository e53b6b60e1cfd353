import { useId, type HTMLInputTypeAttribute } from 'react';
import type { AppErrorData } from '../../shared/errors';

interface TextFieldProps {
  label: string;
  /** Matches the AppError `field` main reports, so the message lands beside this input. */
  name: string;
  value: string;
  onChange: (value: string) => void;
  error?: AppErrorData | null;
  type?: HTMLInputTypeAttribute;
  hint?: string;
  required?: boolean;
  autoFocus?: boolean;
  placeholder?: string;
  monospace?: boolean;
}

export function TextField({ label, name, value, onChange, error, type = 'text', hint, required, autoFocus, placeholder, monospace }: TextFieldProps) {
  const id = useId();
  const message = error?.field === name ? error.message : null;
  const describedBy = [hint ? `${id}-hint` : '', message ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type={type}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        required={required}
        autoFocus={autoFocus}
        placeholder={placeholder}
        className={monospace ? 'mono' : undefined}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={message ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      {hint ? (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      ) : null}
      {message ? (
        <span id={`${id}-error`} className="field-error">
          {message}
        </span>
      ) : null}
    </div>
  );
}
