import { useEffect } from 'react';
import { Link } from 'wouter';
import { markFirstScreenShown } from '../data/firstScreen';
import { useRxQuery } from '../data/useRxQuery';
import { useI18n } from '../i18n/i18n';
import { CheckinRow } from './CheckinRow';
import { isWithin } from './shanghaiDay';
import { useShanghaiToday } from './useToday';

// Timestamps may carry any offset, so the index range is widened by this margin and the
// exact day is checked on the parsed instant.
const QUERY_MARGIN_MS = 24 * 60 * 60 * 1000;

/** Today's check-ins (Asia/Shanghai day), newest first, and the button that starts a new one. */
export function HomeScreen() {
  const { t, formatDate } = useI18n();
  const today = useShanghaiToday();
  const from = new Date(today.start.getTime() - QUERY_MARGIN_MS).toISOString();

  const { data, loading, error } = useRxQuery(
    (database) => database.checkins.find({ selector: { createdAt: { $gte: from } }, sort: [{ createdAt: 'desc' }] }),
    [from],
  );
  const checkins = data.filter((checkin) => isWithin(today, checkin.createdAt));

  useEffect(() => {
    if (!loading) markFirstScreenShown();
  }, [loading]);

  return (
    <section className="home" aria-labelledby="home-title">
      <div className="home__header">
        <div>
          <h1 id="home-title" className="home__title">{t('home.title')}</h1>
          <p className="home__meta tabular">
            {formatDate(today.start)}
            {!loading && checkins.length > 0 && <span> · {t('home.count', { count: checkins.length })}</span>}
          </p>
        </div>
        <Link href="/checkin/new" className="button button--primary button--large home__new">
          <span aria-hidden="true" className="home__plus">+</span>
          {t('home.newCheckin')}
        </Link>
      </div>

      {error ? <p className="notice notice--error" role="alert">{t('shell.databaseFailed', { detail: String(error) })}</p> : null}

      {!loading && checkins.length === 0 && !error && (
        <div className="home__empty">
          <p className="home__empty-title">{t('home.empty')}</p>
          <p className="home__empty-hint">{t('home.emptyHint')}</p>
        </div>
      )}

      {checkins.length > 0 && (
        <ul className="checkin-list">
          {checkins.map((checkin) => <CheckinRow key={checkin.id} checkin={checkin} />)}
        </ul>
      )}
    </section>
  );
}
