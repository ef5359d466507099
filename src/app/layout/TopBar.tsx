import { useEffect, useRef, type ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { useI18n } from '../i18n/i18n';
import { LanguageSwitch } from './LanguageSwitch';

interface TopBarProps {
  /** The sync status (signed in) or the plain connection state (sign-in screen). */
  status: ReactNode;
  /** The signed-in advisor and the sign-out button; absent on the sign-in screen. */
  account?: ReactNode;
}

/** Renders the bar at the top of every screen: app name, sync status, advisor, language switch. */
export function TopBar({ status, account }: TopBarProps) {
  const { t } = useI18n();
  const [location] = useLocation();
  const onBoard = location.startsWith('/orders');
  const header = useRef<HTMLElement>(null);

  // The bar wraps to two or three rows on portrait tablets; sticky elements below it
  // (the check-in step tabs) read its real height from --topbar-offset.
  useEffect(() => {
    const element = header.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      document.documentElement.style.setProperty('--topbar-offset', `${element.offsetHeight}px`);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  return (
    <header className="topbar" ref={header}>
      <Link href="/" className="topbar__brand" aria-label={t('nav.home')}>
        <img className="topbar__logo" src="/favicon-64x64.png" alt="" width="32" height="32" />
        <span className="topbar__name">{t('app.shortName')}</span>
      </Link>
      {account ? (
        <nav className="topbar__nav" aria-label={t('nav.label')}>
          <Link href="/" className="topbar__link" aria-current={onBoard ? undefined : 'page'}>{t('nav.home')}</Link>
          <Link href="/orders" className="topbar__link" aria-current={onBoard ? 'page' : undefined}>{t('nav.orders')}</Link>
        </nav>
      ) : null}
      <div className="topbar__status">{status}</div>
      <div className="topbar__end">
        {account}
        <LanguageSwitch onDark />
      </div>
    </header>
  );
}
