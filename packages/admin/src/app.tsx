import { Admin, Resource } from 'react-admin';
import { BrowserRouter } from 'react-router-dom';
import { authProvider } from './auth/auth-provider.ts';
import { LoginPage } from './auth/login-page.tsx';
import { Dashboard } from './dashboard/dashboard.tsx';
import { createDataProvider } from './data-provider/index.ts';
import { i18nProvider } from './i18n/i18n-provider.ts';
import { auditEvents } from './resources/audit-events/index.ts';
import { customers } from './resources/customers/index.ts';
import { interactions } from './resources/interactions/index.ts';
import { users } from './resources/users/index.ts';

const dataProvider = createDataProvider();

/**
 * The dashboard lives under /admin/ (served by the server, or by Vite in dev), with
 * real paths rather than #hashes; the server answers unknown paths below /admin/ with
 * index.html so reloads and shared links work.
 */
export function App() {
  return (
    <BrowserRouter basename="/admin">
      <Admin
        title="Custos"
        dataProvider={dataProvider}
        authProvider={authProvider}
        i18nProvider={i18nProvider}
        loginPage={LoginPage}
        dashboard={Dashboard}
        requireAuth
        disableTelemetry
      >
        <Resource name="customers" {...customers} />
        <Resource name="interactions" {...interactions} />
        <Resource name="users" {...users} />
        <Resource name="audit-events" {...auditEvents} />
      </Admin>
    </BrowserRouter>
  );
}
