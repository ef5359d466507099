import { useCallback } from 'react';
import { useI18n } from '../../i18n/i18n';
import type { NumberInputError } from './parsers';

/** Returns a function that words an invalid number for one field, naming the field and its max. */
export function useNumberInputMessage(): (error: NumberInputError, field: string, max: string) => string {
  const { t } = useI18n();
  return useCallback((error, field, max) => t(`orders.input.${error}`, { field, max }), [t]);
}
