import { lazy, Suspense } from 'react';
import { Route, Switch } from 'wouter';
import { ErrorBoundary } from './components/ErrorBoundary';
import { StatusScreen } from './components/StatusScreen';
import { I18nProvider, useI18n } from './i18n/i18n';
import { UpdatePrompt } from './pwa/UpdatePrompt';
import { SessionProvider, useAuth } from './session/SessionContext';

// The sign-in screen and the signed-in app are separate chunks: the sign-in screen does not
// load RxDB and Dexie, and a returning advisor's home screen does not load the sign-in form.
const SignedInApp = lazy(() => import('./SignedInApp'));
const LoginScreen = lazy(() => import('./login/LoginScreen').then((module) => ({ default: module.LoginScreen })));

function Screens() {
  const { t } = useI18n();
  const { state } = useAuth();

  return (
    <ErrorBoundary fallback={<StatusScreen tone="error" message={t('shell.screenFailed')} retry />}>
      <Suspense fallback={<StatusScreen message={t('shell.loading')} />}>
        {state.status === 'signed_out' ? (
          <LoginScreen />
        ) : (
          <Switch>
            {/* An expired session keeps the app working on local data; this signs in again. */}
            <Route path="/login"><LoginScreen /></Route>
            <Route><SignedInApp /></Route>
          </Switch>
        )}
      </Suspense>
    </ErrorBoundary>
  );
}

/** Renders the whole app: language, session, service-worker updates and the screens. */
export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <Screens />
        <UpdatePrompt />
      </SessionProvider>
    </I18nProvider>
  );
}
