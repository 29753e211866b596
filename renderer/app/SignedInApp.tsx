// The signed-in app: shell, routes, idle lock, core events, and the user's language.
import { useEffect } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import type { SessionInfo } from '../../electron/contract/procedures/auth';
import { roleHas } from '../../electron/contract/roles';
import { CalendarPage } from '../features/calendar/CalendarPage';
import { CaseFormPage } from '../features/cases/CaseFormPage';
import { CasePage } from '../features/cases/CasePage';
import { CasesListPage } from '../features/cases/CasesListPage';
import { EscalationQueuePage } from '../features/cases/EscalationQueuePage';
import { ClientFormPage } from '../features/clients/ClientFormPage';
import { ClientPage } from '../features/clients/ClientPage';
import { ClientsListPage } from '../features/clients/ClientsListPage';
import { HomePage } from '../features/home/HomePage';
import { ImportPage } from '../features/import/ImportPage';
import { RemittancesPage } from '../features/ledger/RemittancesPage';
import { BatchPage } from '../features/letters/BatchPage';
import { RegisterPage } from '../features/letters/RegisterPage';
import { PartiesListPage } from '../features/parties/PartiesListPage';
import { PartyFormPage } from '../features/parties/PartyFormPage';
import { PartyPage } from '../features/parties/PartyPage';
import { ReportsPage } from '../features/reports/ReportsPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { TasksPage } from '../features/tasks/TasksPage';
import { applyLang } from '../i18n';
import { Shell } from './Shell';
import { useCoreEvents } from './useCoreEvents';
import { useIdleLock } from './useIdleLock';

export function SignedInApp({ session }: { session: SessionInfo }): React.JSX.Element {
  useIdleLock(session.idleLockMinutes);
  useCoreEvents();

  useEffect(() => {
    void applyLang(session.user.lang);
  }, [session.user.lang]);

  const can = (p: Parameters<typeof roleHas>[1]): boolean => roleHas(session.user.role, p);

  return (
    <Routes>
      <Route element={<Shell session={session} />}>
        <Route index element={<HomePage session={session} />} />
        {can('cases.read') ? (
          <>
            <Route path="cases" element={<CasesListPage canWrite={can('cases.write')} canPrint={can('letters.write')} />} />
            <Route path="cases/:id" element={<CasePage session={session} />} />
            <Route path="queue" element={<EscalationQueuePage canPrint={can('letters.write')} />} />
            <Route path="letters" element={<RegisterPage canPrint={can('letters.write')} />} />
            <Route path="debtors" element={<PartiesListPage canWrite={can('parties.write')} />} />
            <Route path="debtors/:id" element={<PartyPage canWrite={can('parties.write')} canExportPersonalData={can('privacy.manage')} />} />
            <Route path="clients" element={<ClientsListPage canWrite={can('clients.write')} />} />
            <Route path="clients/:id" element={<ClientPage canWrite={can('clients.write')} canLedger={can('ledger.read')} canRemit={can('remittances.write')} />} />
            <Route path="calendar" element={<CalendarPage session={session} />} />
            <Route path="tasks" element={<TasksPage session={session} />} />
          </>
        ) : null}
        {can('cases.write') ? (
          <>
            <Route path="cases/new" element={<CaseFormPage />} />
            <Route path="cases/:id/edit" element={<CaseFormPage />} />
          </>
        ) : null}
        {can('letters.write') ? <Route path="letters/batch" element={<BatchPage />} /> : null}
        {can('data.import') ? <Route path="import" element={<ImportPage />} /> : null}
        {can('ledger.read') ? <Route path="remittances" element={<RemittancesPage canWrite={can('remittances.write')} />} /> : null}
        {can('parties.write') ? (
          <>
            <Route path="debtors/new" element={<PartyFormPage />} />
            <Route path="debtors/:id/edit" element={<PartyFormPage />} />
          </>
        ) : null}
        {can('clients.write') ? (
          <>
            <Route path="clients/new" element={<ClientFormPage />} />
            <Route path="clients/:id/edit" element={<ClientFormPage />} />
          </>
        ) : null}
        {can('reports.office') || can('reports.own') || can('reports.money') ? (
          <>
            <Route path="reports" element={<ReportsPage session={session} />} />
            <Route path="reports/:tab" element={<ReportsPage session={session} />} />
          </>
        ) : null}
        <Route path="settings" element={<Navigate to="/settings/preferences" replace />} />
        <Route path="settings/:tab" element={<SettingsPage session={session} />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}
