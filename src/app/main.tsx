import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { flushDraftsWhenHidden } from './drafts/flush';
import { loadCatalog, loadLocale } from './i18n/i18n';
import './styles/base.css';
import './styles/controls.css';
import './styles/layout.css';
import './styles/login.css';
import './styles/home.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

flushDraftsWhenHidden();

// Only the saved language's catalog loads; the first frame waits for it instead of flashing keys.
const locale = loadLocale();
void loadCatalog(locale).finally(() => {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
