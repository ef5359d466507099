import type { ReactNode } from 'react';

export type NoticeTone = 'info' | 'warning' | 'error';

interface NoticeProps {
  tone: NoticeTone;
  children: ReactNode;
  /** Buttons shown at the end of the notice. */
  actions?: ReactNode;
}

/** Shows a banner with a message. Screen readers announce errors at once. */
export function Notice({ tone, children, actions }: NoticeProps) {
  return (
    <div className={`notice notice--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <p className="notice__text">{children}</p>
      {actions}
    </div>
  );
}
