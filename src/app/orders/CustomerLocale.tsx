import { useEffect, useState, type ReactNode } from 'react';
import { I18nProvider, loadAllMessages } from '../i18n/i18n';

/**
 * Shows the customer's papers (quote, recommended items, print copies) in Chinese whatever
 * language the advisor uses: waits for every zh-CN message area, then renders the children
 * under a zh-CN provider. The page language is restored when the customer screen closes.
 */
export function CustomerLocale({ children }: { children: ReactNode }) {
  const [loaded, setLoaded] = useState(false);
  const [advisorLanguage] = useState(() => document.documentElement.lang);

  useEffect(() => {
    let current = true;
    loadAllMessages('zh-CN').then(
      () => {
        if (current) setLoaded(true);
      },
      (error: unknown) => console.error('CustomerLocale: loading the zh-CN messages failed', error),
    );
    return () => {
      current = false;
      document.documentElement.lang = advisorLanguage;
    };
  }, [advisorLanguage]);

  if (!loaded) return null;
  return <I18nProvider initialLocale="zh-CN">{children}</I18nProvider>;
}
