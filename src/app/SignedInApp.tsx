import { lazy, Suspense } from 'react';
import { Link, Route, Switch } from 'wouter';
import { ErrorBoundary } from './components/ErrorBoundary';
import { Notice } from './components/Notice';
import { StatusScreen } from './components/StatusScreen';
import { DatabaseContext } from './data/DatabaseContext';
import { StorageNotice } from './data/StorageNotice';
import { useOpenDatabase } from './data/useOpenDatabase';
import { useReplication } from './data/useReplication';
import { HomeScreen } from './home/HomeScreen';
import { useI18n } from './i18n/i18n';
import { AccountMenu } from './layout/AccountMenu';
import { SyncIndicator } from './layout/SyncIndicator';
import { TopBar } from './layout/TopBar';
import { useAuth, useSession } from './session/SessionContext';

// Each area loads when first opened. Their routes use full paths ("/checkin/:id").
const CheckinRoutes = lazy(() => import('./checkin').then((module) => ({ default: module.CheckinRoutes })));
const OrderRoutes = lazy(() => import('./orders').then((module) => ({ default: module.OrderRoutes })));

function Screens() {
  const { t } = useI18n();

  return (
    <ErrorBoundary fallback={<StatusScreen tone="error" message={t('shell.screenFailed')} retry />}>
      <Suspense fallback={<StatusScreen message={t('shell.loading')} />}>
        <Switch>
          <Route path="/"><HomeScreen /></Route>
          <Route path="/checkin/*?"><CheckinRoutes /></Route>
          <Route path="/orders/*?"><OrderRoutes /></Route>
          <Route><StatusScreen message={t('shell.notFound')} /></Route>
        </Switch>
      </Suspense>
    </ErrorBoundary>
  );
}

/**
 * Everything behind the sign-in, loaded lazily: opens the dealer's database, starts
 * replication, and lays out the top bar and the screens.
 */
export default function SignedInApp() {
  const { t } = useI18n();
  const { state } = useAuth();
  const session = useSession();
  const database = useOpenDatabase(session.dealer.id);
  const syncStatus = useReplication(database.status === 'open' ? database.database : null);

  return (
    <div className="app">
      <TopBar status={<SyncIndicator status={syncStatus} />} account={<AccountMenu pendingChanges={syncStatus.pendingChanges} />} />
      <div className="app__notices">
        {state.status === 'expired' && (
          <Notice tone="warning" actions={<Link href="/login" className="button">{t('shell.signInAgain')}</Link>}>
            {t('shell.sessionExpired')}
          </Notice>
        )}
        <StorageNotice />
      </div>
      <main className="app__main">
        {database.status === 'opening' && <StatusScreen message={t('shell.openingDatabase')} />}
        {database.status === 'failed' && (
          <StatusScreen tone="error" message={t('shell.databaseFailed', { detail: String(database.error) })} retry />
        )}
        {database.status === 'open' && (
          <DatabaseContext.Provider value={database.database}>
            <Screens />
          </DatabaseContext.Provider>
        )}
      </main>
    </div>
  );
}
