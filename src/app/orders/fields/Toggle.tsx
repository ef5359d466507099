import { useEffect, useState, type ReactNode } from 'react';

interface ToggleProps {
  /** The stored value. */
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  className?: string;
  children: ReactNode;
}

/**
 * Shows a large checkbox with its label. A tap shows at once, and the box follows the stored
 * value when that changes, because the stored value only updates after the IndexedDB write.
 */
export function Toggle({ checked, onChange, disabled, className, children }: ToggleProps) {
  const [shown, setShown] = useState(checked);

  useEffect(() => setShown(checked), [checked]);

  return (
    <label className={`orders-toggle ${className ?? ''}`}>
      <input
        type="checkbox"
        checked={shown}
        disabled={disabled}
        onChange={(event) => {
          setShown(event.target.checked);
          onChange(event.target.checked);
        }}
      />
      <span>{children}</span>
    </label>
  );
}
