import type { ReactNode } from 'react';

export type NoticeTone = 'info' | 'warning' | 'error';

interface NoticeProps {
  tone: NoticeTone;
  children: ReactNode;
  /** Buttons shown at the end of the notice. */
  actions?: ReactNode;
}

/** A banner with a message; errors are announced to screen readers at once. */
export function Notice({ tone, children, actions }: NoticeProps) {
  return (
    <div className={`notice notice--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <p className="notice__text">{children}</p>
      {actions}
    </div>
  );
}
