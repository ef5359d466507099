import { useId, type ComponentPropsWithRef } from 'react';

interface TextFieldProps extends ComponentPropsWithRef<'input'> {
  label: string;
  /** Translated error text naming the field; marks the input invalid. */
  error?: string | undefined;
  hint?: string | undefined;
}

/**
 * Renders a labelled text input with its hint and error, sized for fingers. Spread
 * react-hook-form's `register(name)` into it. The ref passes through, as React 19 refs are props.
 */
export function TextField({ label, error, hint, id, className, ...inputProps }: TextFieldProps) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;

  return (
    <div className={`field ${className ?? ''}`}>
      <label className="field__label" htmlFor={inputId}>{label}</label>
      <input
        {...inputProps}
        id={inputId}
        className="field__input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      {hint && <span id={hintId} className="field__hint">{hint}</span>}
      {error && <span id={errorId} className="field__error" role="alert">{error}</span>}
    </div>
  );
}
