import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider, useI18n } from './i18n/i18n';

function Placeholder() {
  const { t } = useI18n();
  return <h1>{t('app.name')}</h1>;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <Placeholder />
    </I18nProvider>
  </StrictMode>,
);
