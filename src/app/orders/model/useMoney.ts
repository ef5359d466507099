import { useCallback } from 'react';
import { formatFen } from '../../../domain/money';
import { useRxDocument } from '../../data/useRxQuery';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/SessionContext';
import type { Settings } from '../../../domain/schemas/pricebook';

/** Returns a formatter of fen as yuan in the current locale (¥1,234.50). */
export function useMoney(): (fen: number) => string {
  const { locale } = useI18n();
  return useCallback((fen: number) => formatFen(fen, locale), [locale]);
}

/** Returns the dealer's settings (name, labor rate), replicated read-only, or null until they arrive. */
export function useDealerSettings(): { settings: Settings | null; loading: boolean } {
  const session = useSession();
  const { data, loading } = useRxDocument('settings', session.dealer.id);
  return { settings: data, loading };
}
