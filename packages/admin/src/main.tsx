import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { createI18nProvider, initialLocale, loadCatalogue } from './i18n/i18n-provider.ts';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// The first screen needs its words: the catalogue of the browser's language loads beside
// the app's code (index.html's loading shell shows meanwhile), the other only on a switch.
const locale = initialLocale();
loadCatalogue(locale).then((messages) => {
  createRoot(root).render(
    <StrictMode>
      <App i18nProvider={createI18nProvider(locale, messages)} />
    </StrictMode>,
  );
});
