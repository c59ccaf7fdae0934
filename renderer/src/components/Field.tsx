import { useId, useState, type InputHTMLAttributes, type ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  reg: UseFormRegisterReturn;
  error?: string | undefined;
  hint?: ReactNode;
  className?: string;
}

/** A labelled input whose error is announced and tied to it with aria-describedby. */
export function Field({ label, reg, error, hint, className, type = 'text', ...rest }: FieldProps) {
  const id = useId();
  const described =
    [hint ? `${id}-hint` : '', error ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        {...reg}
        {...rest}
      />
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-err`} className="error-text">
          {error}
        </span>
      )}
    </div>
  );
}

/** The port-out PIN: masked unless the agent asks to see it (it is a secret, DESIGN.md). */
export function SecretField({
  label,
  reg,
  error,
  hint,
}: {
  label: string;
  reg: UseFormRegisterReturn;
  error?: string | undefined;
  hint?: ReactNode;
}) {
  const id = useId();
  const [shown, setShown] = useState(false);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="input-with-button">
        <input
          id={id}
          type={shown ? 'text' : 'password'}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={hint ? `${id}-hint` : undefined}
          {...reg}
        />
        <button
          type="button"
          className="btn btn-small"
          aria-pressed={shown}
          onClick={() => setShown((s) => !s)}
        >
          {shown ? 'Hide' : 'Show'}
          <span className="visually-hidden"> {label}</span>
        </button>
      </div>
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      {error && <span className="error-text">{error}</span>}
    </div>
  );
}
