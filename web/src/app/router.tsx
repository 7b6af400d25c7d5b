import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Link, Navigate, Outlet, type RouteObject, useLocation } from 'react-router';
import { Loading, Page } from '../lib/ui/Page';
import { Notice } from '../lib/ui/Notice';
import { AccountPage } from '../services/account/pages/AccountPage';
import { AdminPage } from '../services/admin/pages/AdminPage';
import { PersonPage } from '../services/admin/pages/PersonPage';
import { ServicesPage } from '../services/admin/pages/ServicesPage';
import { StructurePage } from '../services/admin/pages/StructurePage';
import { StructuresPage } from '../services/admin/pages/StructuresPage';
import { AuditPage } from '../services/audit/pages/AuditPage';
import { ActivationPage } from '../services/auth/pages/ActivationPage';
import { LoginPage } from '../services/auth/pages/LoginPage';
import { useMeQuery } from '../services/auth/queries';
import { DirectoryPage } from '../services/directory/pages/DirectoryPage';
import { DuplicatesPage } from '../services/duplicates/pages/DuplicatesPage';
import { EstablishmentAdminsPage } from '../services/establishments/pages/EstablishmentAdminsPage';
import { EstablishmentsPage } from '../services/establishments/pages/EstablishmentsPage';
import { ImportsPage } from '../services/imports/pages/ImportsPage';
import { LegalNoticePage } from '../services/legal/pages/LegalNoticePage';
import { PrivacyPage } from '../services/legal/pages/PrivacyPage';
import { HomePage } from '../services/portal/pages/HomePage';
import { EstablishmentNotificationsPage } from '../services/notifications/pages/EstablishmentNotificationsPage';
import { NotificationPreferencesPage } from '../services/notifications/pages/NotificationPreferencesPage';
import { CommunicationRulesPage } from '../services/communication/pages/CommunicationRulesPage';
import { ComposePage } from '../services/messaging/pages/ComposePage';
import { MailboxPage } from '../services/messaging/pages/MailboxPage';
import { ThreadPage } from '../services/messaging/pages/ThreadPage';
import { AgendaPage } from '../services/homework/pages/AgendaPage';
import { GradesPage } from '../services/grades/pages/GradesPage';
import { AbsencesPage } from '../services/attendance/justification/pages/AbsencesPage';
import { JustificationQueuePage } from '../services/attendance/justification/pages/JustificationQueuePage';
import { StatisticsPage } from '../services/attendance/justification/pages/StatisticsPage';
import { DisciplinePage } from '../services/discipline/pages/DisciplinePage';
import { ReasonsPage } from '../services/attendance/pages/ReasonsPage';
import { RollCallPage } from '../services/attendance/pages/RollCallPage';
import { VieScolairePage } from '../services/attendance/pages/VieScolairePage';
import { ReportCardsPage } from '../services/report-cards/pages/ReportCardsPage';
import { SkillsPage } from '../services/skills/pages/SkillsPage';
import { ArchivePage } from '../services/homework/pages/ArchivePage';
import { HandinPage } from '../services/homework/pages/HandinPage';
import { TextbookPage } from '../services/homework/pages/TextbookPage';
import { TimetableAdminPage } from '../services/timetable/pages/TimetableAdminPage';
import { TimetablePage } from '../services/timetable/pages/TimetablePage';
import { Layout } from './Layout';
import { SessionProvider, useOptionalSession } from './session';

/** Loads the signed-in person once, then renders the shell with or without a session. */
function Root() {
  const { t } = useTranslation();
  const me = useMeQuery();
  if (me.isPending) return <Loading />;
  if (me.isError) {
    return (
      <main className="site-main">
        <Notice tone="error" title={t('crash.title')}>
          <p>{t('errors.network')}</p>
          <button type="button" className="button button--primary" onClick={() => me.refetch()}>
            {t('common.retry')}
          </button>
        </Notice>
      </main>
    );
  }
  return me.data ? (
    <SessionProvider me={me.data}>
      <Layout />
    </SessionProvider>
  ) : (
    <Layout />
  );
}

/** Sends logged-out visitors to /connexion, remembering where they were going. */
function RequireSession() {
  const session = useOptionalSession();
  const location = useLocation();
  if (!session) {
    const target = location.pathname + location.search;
    const query = target === '/' ? '' : `?retour=${encodeURIComponent(target)}`;
    return <Navigate to={`/connexion${query}`} replace />;
  }
  return <Outlet />;
}

function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')}>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </Page>
  );
}

function CrashPage() {
  const { t } = useTranslation();
  return (
    <main className="site-main">
      <Notice tone="error" title={t('crash.title')}>
        <p>{t('crash.body')}</p>
      </Notice>
    </main>
  );
}

export const routes: RouteObject[] = [
  {
    element: <Root />,
    errorElement: <CrashPage />,
    children: [
      { path: '/connexion', element: <LoginPage /> },
      { path: '/activation', element: <ActivationPage /> },
      { path: '/mentions-legales', element: <LegalNoticePage /> },
      { path: '/donnees-personnelles', element: <PrivacyPage /> },
      {
        element: <RequireSession />,
        children: [
          { path: '/', element: <HomePage /> },
          { path: '/compte', element: <AccountPage /> },
          { path: '/annuaire', element: <DirectoryPage /> },
          { path: '/emploi-du-temps', element: <TimetablePage /> },
          { path: '/emploi-du-temps/gestion', element: <TimetableAdminPage /> },
          { path: '/cahier-de-textes', element: <TextbookPage /> },
          { path: '/agenda', element: <AgendaPage /> },
          { path: '/notes', element: <GradesPage /> },
          { path: '/absences', element: <AbsencesPage /> },
          { path: '/vie-scolaire/justificatifs', element: <JustificationQueuePage /> },
          { path: '/vie-scolaire/statistiques', element: <StatisticsPage /> },
          { path: '/vie-scolaire/incidents', element: <DisciplinePage /> },
          { path: '/appel', element: <RollCallPage /> },
          { path: '/vie-scolaire', element: <VieScolairePage /> },
          { path: '/vie-scolaire/motifs', element: <ReasonsPage /> },
          { path: '/bulletins', element: <ReportCardsPage /> },
          { path: '/competences', element: <SkillsPage /> },
          { path: '/devoirs/:homeworkId/rendu', element: <HandinPage /> },
          { path: '/cahier-de-textes/archives', element: <ArchivePage /> },
          { path: '/messagerie', element: <MailboxPage /> },
          { path: '/messagerie/dossier/:folder', element: <MailboxPage /> },
          { path: '/messagerie/nouveau', element: <ComposePage /> },
          { path: '/messagerie/message/:messageId', element: <ThreadPage /> },
          { path: '/messagerie/conversation/:conversationId', element: <ThreadPage /> },
          { path: '/admin/communication', element: <CommunicationRulesPage /> },
          { path: '/admin', element: <AdminPage /> },
          { path: '/admin/imports', element: <ImportsPage /> },
          { path: '/admin/personnes/:personId', element: <PersonPage /> },
          { path: '/admin/classes', element: <StructuresPage /> },
          { path: '/admin/classes/:groupId', element: <StructurePage /> },
          { path: '/admin/services', element: <ServicesPage /> },
          { path: '/admin/doublons', element: <DuplicatesPage /> },
          { path: '/etablissements', element: <EstablishmentsPage /> },
          { path: '/etablissements/:establishmentId/administrateurs', element: <EstablishmentAdminsPage /> },
          { path: '/audit', element: <AuditPage /> },
          { path: '/notifications', element: <NotificationPreferencesPage /> },
          { path: '/admin/notifications', element: <EstablishmentNotificationsPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
