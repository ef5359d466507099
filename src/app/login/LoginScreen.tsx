import { useEffect } from 'react';
import { useLocation } from 'wouter';
import { markFirstScreenShown } from '../data/firstScreen';
import { Notice } from '../components/Notice';
import { useOnline } from '../data/useOnline';
import { useI18n } from '../i18n/i18n';
import { ConnectionStatus } from '../layout/ConnectionStatus';
import { TopBar } from '../layout/TopBar';
import { useAuth } from '../session/SessionContext';
import { LoginForm } from './LoginForm';

/**
 * Renders the sign-in screen: when no advisor is signed in on this tablet, or when the
 * advisor signs in again after the session expired (then dealer and username are prefilled).
 */
export function LoginScreen() {
  const { t } = useI18n();
  const online = useOnline();
  const { state } = useAuth();
  const [, navigate] = useLocation();
  const previous = state.status === 'signed_out' ? null : state.session;

  useEffect(markFirstScreenShown, []);

  return (
    <div className="app">
      <TopBar status={<ConnectionStatus />} />
      <main className="login">
        <div className="login__card">
          <img className="login__logo" src="/pwa-192x192.png" alt="" width="72" height="72" />
          <h1 className="login__title">{t('app.name')}</h1>
          <p className="login__subtitle">{t('login.subtitle')}</p>
          {state.status === 'expired' && <Notice tone="warning">{t('login.sessionExpired')}</Notice>}
          {!online && (
            <Notice tone="warning">{t(state.status === 'signed_out' ? 'login.offlineNoSession' : 'login.offlineNeedsConnection')}</Notice>
          )}
          <LoginForm
            defaults={previous ? { dealer: previous.dealer.code, username: previous.user.username } : undefined}
            onSignedIn={() => navigate('/', { replace: true })}
          />
        </div>
      </main>
    </div>
  );
}
