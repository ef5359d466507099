import { useEffect, useRef, type ChangeEvent, type CompositionEvent } from 'react';

interface DraftTextProps {
  id: string;
  value: string;
  /** Called with the text on every change, but never in the middle of an IME composition. */
  onCommit: (text: string) => void;
  multiline?: boolean;
  rows?: number;
  maxLength?: number;
  placeholder?: string;
  disabled?: boolean;
  inputMode?: 'text' | 'numeric';
  invalid?: boolean;
  describedBy?: string;
  className?: string;
}

/**
 * Renders an uncontrolled text field for the draft. React never rewrites its value while the
 * advisor types, so pinyin composition (拼音输入) is not disturbed: the text is committed on
 * each input event outside a composition and once more when the composition ends. A value
 * changed elsewhere (a merge, a conflict resolution) is written into the field, except in the
 * middle of a composition.
 */
export function DraftText(props: DraftTextProps) {
  const { id, value, onCommit, multiline, rows, maxLength, placeholder, disabled, inputMode, invalid, describedBy, className } = props;
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const composingRef = useRef(false);
  const committingRef = useRef(false);

  useEffect(() => {
    const element = ref.current;
    if (!element || element.value === value) return;
    // The value derived from the text just committed ("23," read as 23) must not rewrite
    // what is being typed. Nothing may rewrite a composition in progress either.
    if (committingRef.current || composingRef.current) return;
    element.value = value;
  }, [value]);

  const commit = (text: string) => {
    committingRef.current = true;
    onCommit(text);
    // React renders the committed change before the next task; later changes come from elsewhere.
    setTimeout(() => {
      committingRef.current = false;
    }, 0);
  };

  const handleChange = (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const native = event.nativeEvent as InputEvent;
    if (composingRef.current || native.isComposing) return;
    commit(event.target.value);
  };

  const handleCompositionStart = () => {
    composingRef.current = true;
  };

  const handleCompositionEnd = (event: CompositionEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    composingRef.current = false;
    commit(event.currentTarget.value);
  };

  const shared = {
    id,
    ref,
    defaultValue: value,
    onChange: handleChange,
    onCompositionStart: handleCompositionStart,
    onCompositionEnd: handleCompositionEnd,
    maxLength,
    placeholder,
    disabled,
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy,
    className: className ?? 'field__input',
  };

  if (multiline) return <textarea {...shared} rows={rows ?? 3} />;
  return <input {...shared} type="text" inputMode={inputMode} autoComplete="off" />;
}
