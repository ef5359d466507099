import { useEffect, useMemo, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import { maskMobile } from '../../../domain/phone';
import { formatPlate } from '../../../domain/plate';
import type { Vehicle } from '../../../domain/schemas/vehicle';
import { useDatabase } from '../../data/DatabaseContext';
import { useI18n } from '../../i18n/i18n';
import { useSession, useWriteContext } from '../../session/SessionContext';
import { checkinPath } from '../paths';
import { NewVehicleForm } from './NewVehicleForm';
import { startCheckin, type Advisor } from './startCheckin';
import { searchVehicles } from './vehicleSearch';

const SEARCH_DELAY_MS = 120;

/** Starts a check-in: find the vehicle on the tablet, or register customer and vehicle on the spot. */
export function NewCheckinScreen() {
  const { t } = useI18n();
  const database = useDatabase();
  const session = useSession();
  const context = useWriteContext();
  const [, navigate] = useLocation();
  const advisor = useMemo<Advisor>(() => ({ context, displayName: session.user.displayName }), [context, session.user.displayName]);

  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Vehicle[] | null>(null);
  const [creating, setCreating] = useState(false);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const composingRef = useRef(false);

  useEffect(() => {
    if (query.trim() === '') {
      setResults(null);
      return undefined;
    }
    let current = true;
    const timer = setTimeout(() => {
      void searchVehicles(database, query).then((found) => {
        if (current) setResults(found);
      });
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [database, query]);

  const start = async (vehicle: Vehicle) => {
    setStarting(true);
    setError(null);
    try {
      const id = await startCheckin(database, advisor, vehicle);
      navigate(checkinPath(id), { replace: true });
    } catch (failure) {
      console.warn('NewCheckinScreen: creating the check-in failed', failure);
      setError(t('checkin.new.saveFailed', { message: failure instanceof Error ? failure.message : String(failure) }));
      setStarting(false);
    }
  };

  return (
    <div className="ck-screen ck-new">
      <h1 className="ck-screen__title">{t('checkin.new.title')}</h1>

      <section className="ck-card">
        <div className="field">
          <label className="field__label" htmlFor="ck-search">{t('checkin.new.searchLabel')}</label>
          <input
            id="ck-search"
            className="field__input ck-search"
            type="search"
            autoComplete="off"
            placeholder={t('checkin.new.searchPlaceholder')}
            aria-describedby="ck-search-hint"
            onCompositionStart={() => (composingRef.current = true)}
            onCompositionEnd={(event) => {
              composingRef.current = false;
              setQuery(event.currentTarget.value);
            }}
            onChange={(event) => {
              if (!composingRef.current) setQuery(event.target.value);
            }}
          />
          <span id="ck-search-hint" className="field__hint">{t('checkin.new.searchHint')}</span>
        </div>

        {results !== null && (
          <div className="ck-results" aria-live="polite">
            <p className="field__hint">{results.length === 0 ? t('checkin.new.noResults') : t('checkin.new.resultCount', { count: results.length })}</p>
            <ul className="ck-results__list">
              {results.map((vehicle) => (
                <li key={vehicle.id}>
                  <button
                    type="button"
                    className="ck-result"
                    disabled={starting}
                    aria-label={t('checkin.new.choose', { plate: formatPlate(vehicle.plate) })}
                    onClick={() => void start(vehicle)}
                  >
                    <span className="ck-result__plate">{formatPlate(vehicle.plate)}</span>
                    <span className="ck-result__model">{vehicle.make} {vehicle.model}</span>
                    <span className="ck-result__vin tabular">{vehicle.vin}</span>
                    <span className="ck-result__mobile tabular">{maskMobile(vehicle.customerMobile)}</span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
        {error && <p className="field__error" role="alert">{error}</p>}
      </section>

      {creating ? (
        <NewVehicleForm advisor={advisor} onRegistered={(vehicle) => void start(vehicle)} />
      ) : (
        <button type="button" className="button button--large ck-new__create" onClick={() => setCreating(true)}>
          {t('checkin.new.createButton')}
        </button>
      )}
    </div>
  );
}
