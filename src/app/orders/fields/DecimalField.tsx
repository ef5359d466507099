import { useEffect, useId, useRef, useState } from 'react';

interface DecimalFieldProps {
  label: string;
  /** The stored value, shown while the field does not have the focus. */
  value: number;
  /** Formats the stored value for the field, for example fen as "128.00". */
  format: (value: number) => string;
  /** Parses the typed text; null when it is not a valid value. */
  parse: (text: string) => number | null;
  onCommit: (value: number) => void;
  /** Shown under the field while the typed text is invalid. */
  invalidMessage: string;
  disabled?: boolean;
  suffix?: string;
  className?: string;
}

/**
 * Edits a number typed as text (hours, quantity, yuan). Every valid value is committed as it
 * is typed. An invalid text stays in the field, marked, and is not stored. A value changed
 * elsewhere replaces the text only while the field does not have the focus.
 */
export function DecimalField({ label, value, format, parse, onCommit, invalidMessage, disabled, suffix, className }: DecimalFieldProps) {
  const id = useId();
  const errorId = useId();
  const [text, setText] = useState(() => format(value));
  const [invalid, setInvalid] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (document.activeElement === inputRef.current) return;
    setText(format(value));
    setInvalid(false);
  }, [value, format]);

  const handleChange = (next: string) => {
    setText(next);
    const parsed = parse(next);
    setInvalid(parsed === null);
    if (parsed !== null && parsed !== value) onCommit(parsed);
  };

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
            if (!invalid) setText(format(value));
          }}
        />
        {suffix && <span className="orders-decimal__suffix">{suffix}</span>}
      </div>
      {invalid && <span id={errorId} className="field__error">{invalidMessage}</span>}
    </div>
  );
}
