import { useEffect, useId, useState } from 'react';

interface ChoiceGroupProps<T extends string> {
  label: string;
  options: readonly T[];
  value: T;
  labelOf: (option: T) => string;
  onChange: (option: T) => void;
  disabled?: boolean;
}

/** Shows a row of large toggle buttons for one choice among a few (category, payment, replaced parts). */
export function ChoiceGroup<T extends string>({ label, options, value, labelOf, onChange, disabled }: ChoiceGroupProps<T>) {
  const labelId = useId();
  // Shows the tap at once; the stored value arrives after the write to IndexedDB.
  const [shown, setShown] = useState(value);
  useEffect(() => setShown(value), [value]);

  return (
    <div className="field">
      <span id={labelId} className="field__label">{label}</span>
      <div role="radiogroup" aria-labelledby={labelId} className="orders-choices">
        {options.map((option) => (
          <button
            key={option}
            type="button"
            role="radio"
            aria-checked={option === shown}
            className={`button orders-choice ${option === shown ? 'orders-choice--selected' : ''}`}
            disabled={disabled}
            onClick={() => {
              setShown(option);
              onChange(option);
            }}
          >
            {labelOf(option)}
          </button>
        ))}
      </div>
    </div>
  );
}
