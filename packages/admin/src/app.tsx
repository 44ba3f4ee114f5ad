import { useState } from 'react';
import { Admin, CustomRoutes, Resource, type I18nProvider } from 'react-admin';
import { Route, RouterProvider, createBrowserRouter } from 'react-router-dom';
import { authProvider } from './auth/auth-provider.ts';
import { LoginPage } from './auth/login-page.tsx';
import { Dashboard } from './dashboard/dashboard.tsx';
import { createDataProvider } from './data-provider/index.ts';
import { AppLayout } from './layout/app-menu.tsx';
import { darkTheme, lightTheme } from './layout/theme.ts';
import { archivePolicies } from './resources/archive-policies/index.ts';
import { archivedCustomers } from './resources/archived-customers/index.ts';
import { auditEvents } from './resources/audit-events/index.ts';
import { customers } from './resources/customers/index.ts';
import { interactions } from './resources/interactions/index.ts';
import { jobs } from './resources/jobs/index.ts';
import { segments } from './resources/segments/index.ts';
import { subjectRequests } from './resources/subject-requests/index.ts';
import { tags } from './resources/tags/index.ts';
import { users } from './resources/users/index.ts';
import { voidedCustomers } from './resources/voided-customers/index.ts';
import { lazyScreen } from './shared/lazy-screen.ts';

// Charts (@mui/x-charts) load with the Reports screen only.
const ReportsPage = lazyScreen(() => import('./reports/reports-page.tsx'), 'ReportsPage');
const BackupsPage = lazyScreen(() => import('./backups/backups-page.tsx'), 'BackupsPage');
// Cleanup (issue 7) and archive search: each screen its own chunk.
const DuplicatesPage = lazyScreen(() => import('./cleanup/duplicates-page.tsx'), 'DuplicatesPage');
const MergesPage = lazyScreen(() => import('./cleanup/merges-page.tsx'), 'MergesPage');
const DataQualityPage = lazyScreen(() => import('./cleanup/data-quality-page.tsx'), 'DataQualityPage');
const NormalizePage = lazyScreen(() => import('./cleanup/normalize-page.tsx'), 'NormalizePage');
const ArchiveSearchPage = lazyScreen(() => import('./archive-search/archive-search-page.tsx'), 'ArchiveSearchPage');
const ApprovalsPage = lazyScreen(() => import('./resources/approvals/approvals-page.tsx'), 'ApprovalsPage');
const RecycleBinPage = lazyScreen(() => import('./resources/recycle-bin/recycle-bin-page.tsx'), 'RecycleBinPage');
// Customer imports (issue 22): upload, then the wizard of one import.
const ImportUploadPage = lazyScreen(() => import('./intake/import-upload-page.tsx'), 'ImportUploadPage');
const ImportWizardPage = lazyScreen(() => import('./intake/import-wizard-page.tsx'), 'ImportWizardPage');

const dataProvider = createDataProvider();

/**
 * The dashboard lives under /admin/ (served by the server, or by Vite in dev), with
 * real paths rather than #hashes; the server answers unknown paths below /admin/ with
 * index.html so reloads and shared links work. A data router (not <BrowserRouter>):
 * react-admin can only ask before leaving a form with unsaved changes
 * (`warnWhenUnsavedChanges`) under one.
 */
function CustosAdmin({ i18nProvider }: { i18nProvider: I18nProvider }) {
  return (
    <Admin
      title="Custos"
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      loginPage={LoginPage}
      layout={AppLayout}
      dashboard={Dashboard}
      theme={lightTheme}
      darkTheme={darkTheme}
      requireAuth
      disableTelemetry
    >
      <Resource name="customers" {...customers} />
      <Resource name="voided-customers" {...voidedCustomers} />
      <Resource name="archived-customers" {...archivedCustomers} />
      <Resource name="interactions" {...interactions} />
      <Resource name="tags" {...tags} />
      <Resource name="segments" {...segments} />
      <Resource name="archive-policies" {...archivePolicies} />
      <Resource name="jobs" {...jobs} />
      {/* No screens of its own: read through an archived customer's page. */}
      <Resource name="archived-interactions" />
      <Resource name="users" {...users} />
      {/* Names only, for pickers and labels: no screens. */}
      <Resource name="staff" />
      <Resource name="audit-events" {...auditEvents} />
      <Resource name="subject-requests" {...subjectRequests} />
      <CustomRoutes>
        <Route path="/reports" element={<ReportsPage />} />
        <Route path="/backups" element={<BackupsPage />} />
        <Route path="/duplicates" element={<DuplicatesPage />} />
        <Route path="/merges" element={<MergesPage />} />
        <Route path="/data-quality" element={<DataQualityPage />} />
        <Route path="/normalization" element={<NormalizePage />} />
        <Route path="/archive-search" element={<ArchiveSearchPage />} />
        <Route path="/approvals" element={<ApprovalsPage />} />
        <Route path="/recycle-bin" element={<RecycleBinPage />} />
        <Route path="/imports" element={<ImportUploadPage />} />
        <Route path="/imports/:id" element={<ImportWizardPage />} />
      </CustomRoutes>
    </Admin>
  );
}

/** The dashboard, in the language whose catalogue `i18nProvider` was created with. */
export function App({ i18nProvider }: { i18nProvider: I18nProvider }) {
  const [router] = useState(() => createBrowserRouter([{ path: '*', element: <CustosAdmin i18nProvider={i18nProvider} /> }], { basename: '/admin' }));
  return <RouterProvider router={router} />;
}
