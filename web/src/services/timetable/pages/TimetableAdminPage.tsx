import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../../app/session';
import { useErrorMessage } from '../../../lib/error-messages';
import { Notice } from '../../../lib/ui/Notice';
import { Loading, Page } from '../../../lib/ui/Page';
import { useChoicesQuery } from '../api';
import { CalendarPanel } from '../components/CalendarPanel';
import { ImportPanel } from '../components/ImportPanel';
import { SlotsPanel } from '../components/SlotsPanel';
import '../timetable.css';

/** Staff: import the timetable, edit the standard week, set the school-year calendar. */
export function TimetableAdminPage() {
  const { t } = useTranslation();
  const { membership, can } = useSession();
  const errorMessage = useErrorMessage();
  const establishmentId = membership?.establishment.id ?? null;
  const allowed = establishmentId !== null && can('timetable.manage');
  const choices = useChoicesQuery(allowed ? establishmentId : null);
  return (
    <Page title={t('timetable.manage.title')} intro={<p>{t('timetable.manage.intro')}</p>}>
      <p>
        <Link to="/emploi-du-temps">{t('timetable.title')}</Link>
      </p>
      {!allowed || !establishmentId ? (
        <Notice tone="info">{t('timetable.manage.noAccess')}</Notice>
      ) : (
        <>
          <ImportPanel establishmentId={establishmentId} />
          {choices.isPending ? <Loading /> : null}
          {choices.isError ? <Notice tone="error">{errorMessage(choices.error)}</Notice> : null}
          {choices.data ? <SlotsPanel establishmentId={establishmentId} choices={choices.data} /> : null}
          <CalendarPanel establishmentId={establishmentId} />
        </>
      )}
    </Page>
  );
}
