import { lazy, Suspense } from 'react';
import { Link, Route, Switch } from 'wouter';
import { ErrorBoundary } from './components/ErrorBoundary';
import { Notice } from './components/Notice';
import { StatusScreen } from './components/StatusScreen';
import { BlobServiceContext } from './data/BlobContext';
import { DatabaseContext } from './data/DatabaseContext';
import { StorageNotice } from './data/StorageNotice';
import { useOpenDatabase } from './data/useOpenDatabase';
import { useReplication } from './data/useReplication';
import { HomeScreen } from './home/HomeScreen';
import { loadAllMessages, useI18n } from './i18n/i18n';
import { AccountMenu } from './layout/AccountMenu';
import { RejectionsNotice } from './layout/RejectionsNotice';
import { SyncIndicator } from './layout/SyncIndicator';
import { TopBar } from './layout/TopBar';
import { useAuth, useSession } from './session/SessionContext';

// Each area loads when first opened, together with the messages of every area. Their routes
// use full paths ("/checkin/:id").
const CheckinRoutes = lazy(async () => {
  const [module] = await Promise.all([import('./checkin'), loadAllMessages()]);
  return { default: module.CheckinRoutes };
});
const OrderRoutes = lazy(async () => {
  const [module] = await Promise.all([import('./orders'), loadAllMessages()]);
  return { default: module.OrderRoutes };
});

/** Renders the screens. Those that store photos and signatures wait until the blob store is open. */
function Screens({ blobsReady }: { blobsReady: boolean }) {
  const { t } = useI18n();
  const opening = <StatusScreen message={t('shell.openingDatabase')} />;

  return (
    <ErrorBoundary fallback={<StatusScreen tone="error" message={t('shell.screenFailed')} retry />}>
      <Suspense fallback={<StatusScreen message={t('shell.loading')} />}>
        <Switch>
          <Route path="/"><HomeScreen /></Route>
          <Route path="/checkin/*?">{blobsReady ? <CheckinRoutes /> : opening}</Route>
          <Route path="/orders/*?">{blobsReady ? <OrderRoutes /> : opening}</Route>
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
  const { state, manager } = useAuth();
  const session = useSession();
  const database = useOpenDatabase(session.dealer.id);
  const { status: syncStatus, blobs } = useReplication(database.status === 'open' ? database.database : null, manager, session.dealer.id);

  return (
    <div className="app">
      <TopBar status={<SyncIndicator status={syncStatus} />} account={<AccountMenu pendingChanges={syncStatus.pendingChanges ?? 0} />} />
      <div className="app__notices">
        {state.status === 'expired' && (
          <Notice tone="warning" actions={<Link href="/login" className="button">{t('shell.signInAgain')}</Link>}>
            {t('shell.sessionExpired')}
          </Notice>
        )}
        <RejectionsNotice rejections={syncStatus.rejections} />
        <StorageNotice />
      </div>
      <main className="app__main">
        {database.status === 'opening' && <StatusScreen message={t('shell.openingDatabase')} />}
        {database.status === 'failed' && (
          <StatusScreen tone="error" message={t('shell.databaseFailed', { detail: String(database.error) })} retry />
        )}
        {database.status === 'open' && (
          <DatabaseContext.Provider value={database.database}>
            <BlobServiceContext.Provider value={blobs}>
              <Screens blobsReady={blobs !== null} />
            </BlobServiceContext.Provider>
          </DatabaseContext.Provider>
        )}
      </main>
    </div>
  );
}
