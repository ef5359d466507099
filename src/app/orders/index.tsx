import { StatusScreen } from '../components/StatusScreen';
import { useI18n } from '../i18n/i18n';

/**
 * Placeholder until the orders screens land. The app shell loads this module lazily and
 * renders `OrderRoutes` for every path under /orders; the routes inside use full paths.
 */
export function OrderRoutes() {
  const { t } = useI18n();
  return <StatusScreen message={t('shell.notReady')} />;
}
