import { lazy, Suspense, useEffect, useState } from 'react';
import { Route, Switch } from 'wouter';
import { ErrorBoundary } from './components/ErrorBoundary';
import { StatusScreen } from './components/StatusScreen';
import { whenFirstScreenShown } from './data/firstScreen';
import { I18nProvider, loadMessageAreas, useI18n } from './i18n/i18n';
import { SessionProvider, useAuth } from './session/SessionContext';

// The sign-in screen and the signed-in app are separate chunks: the sign-in screen does not
// load RxDB and Dexie, and a returning advisor's home screen does not load the sign-in form.
const SignedInApp = lazy(() => import('./SignedInApp'));
const LoginScreen = lazy(async () => {
  const [module] = await Promise.all([import('./login/LoginScreen'), loadMessageAreas(['login', 'validation', 'field'])]);
  return { default: module.LoginScreen };
});
const UpdatePrompt = lazy(() => import('./pwa/UpdatePrompt').then((module) => ({ default: module.UpdatePrompt })));

const UPDATE_PROMPT_DELAY_MS = 2000;

/**
 * Registers the service worker and shows its prompts once the first screen shows its data,
 * so workbox-window is not part of the first screen's JavaScript.
 */
function DeferredUpdatePrompt() {
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let mounted = true;
    void whenFirstScreenShown(UPDATE_PROMPT_DELAY_MS).then(() => {
      if (mounted) setReady(true);
    });
    return () => {
      mounted = false;
    };
  }, []);

  if (!ready) return null;
  return (
    <Suspense fallback={null}>
      <UpdatePrompt />
    </Suspense>
  );
}

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
        <DeferredUpdatePrompt />
      </SessionProvider>
    </I18nProvider>
  );
}
