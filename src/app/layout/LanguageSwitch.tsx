import { useI18n } from '../i18n/i18n';

interface LanguageSwitchProps {
  /** Style for the dark top bar or for a light page. */
  onDark?: boolean;
}

/** Switches between zh-CN and English; the choice is remembered on this tablet. */
export function LanguageSwitch({ onDark = false }: LanguageSwitchProps) {
  const { t, locale, setLocale } = useI18n();
  const next = locale === 'zh-CN' ? 'en' : 'zh-CN';

  return (
    <button
      type="button"
      className={`button ${onDark ? 'button--on-dark' : ''} language-switch`}
      lang={next}
      aria-label={t('language.switchLabel')}
      onClick={() => setLocale(next)}
    >
      {t('language.switch')}
    </button>
  );
}
