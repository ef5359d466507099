import { useEffect, useId, useRef, useState } from 'react';
import type { NumberInput, NumberInputError } from './parsers';

interface DecimalFieldProps {
  label: string;
  /** The stored value, shown while the field does not have the focus. */
  value: number;
  /** Formats the stored value for the field, for example fen as "128.00". */
  format: (value: number) => string;
  /** Parses the typed text into a value or the reason it is invalid. */
  parse: (text: string) => NumberInput;
  onCommit: (value: number) => void;
  /** The message shown under the field while the typed text is invalid, naming the field and the limit. */
  errorMessage: (error: NumberInputError) => string;
  /** Called when the typed text becomes invalid or valid again, so the screen can leave the value out of totals. */
  onValidityChange?: (invalid: boolean) => void;
  disabled?: boolean;
  suffix?: string;
  className?: string;
}

/**
 * Edits a number typed as text (hours, quantity, yuan). Every valid value is committed as it
 * is typed. An invalid text stays in the field exactly as typed, marked with the reason, and is
 * not stored. The stored value replaces the text only when it was changed elsewhere and the
 * field does not have the focus: the late echo of this field's own write (for example 99 on
 * the way to an invalid 999) never overwrites what the advisor typed.
 */
export function DecimalField({ label, value, format, parse, onCommit, errorMessage, onValidityChange, disabled, suffix, className }: DecimalFieldProps) {
  const id = useId();
  const errorId = useId();
  const [text, setText] = useState(() => format(value));
  const [error, setError] = useState<NumberInputError | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const committedRef = useRef<number | null>(null);
  const validityRef = useRef(onValidityChange);
  validityRef.current = onValidityChange;

  useEffect(() => {
    if (document.activeElement === inputRef.current) return;
    if (committedRef.current === value) return;
    committedRef.current = null;
    setText(format(value));
    setError(null);
  }, [value, format]);

  useEffect(() => {
    validityRef.current?.(error !== null);
  }, [error]);

  // A field removed while invalid (its line deleted) no longer holds anything back.
  useEffect(() => () => validityRef.current?.(false), []);

  const handleChange = (next: string) => {
    setText(next);
    const parsed = parse(next);
    setError(parsed.ok ? null : parsed.error);
    if (!parsed.ok) return;
    committedRef.current = parsed.value;
    if (parsed.value !== value) onCommit(parsed.value);
  };

  const invalid = error !== null;

  return (
    <div className={`field ${className ?? ''}`}>
      <label className="field__label" htmlFor={id}>{label}</label>
      <div className="orders-decimal">
        <input
          ref={inputRef}
          id={id}
          className="field__input orders-decimal__input tabular"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={text}
          disabled={disabled}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? errorId : undefined}
          onChange={(event) => handleChange(event.target.value)}
          onBlur={() => {
            if (!invalid) setText(format(committedRef.current ?? value));
          }}
        />
        {suffix && <span className="orders-decimal__suffix">{suffix}</span>}
      </div>
      {error !== null && <span id={errorId} className="field__error" role="alert">{errorMessage(error)}</span>}
    </div>
  );
}
