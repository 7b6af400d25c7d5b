import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../../app/session';
import { useErrorMessage } from '../../../lib/error-messages';
import { Notice } from '../../../lib/ui/Notice';
import { Loading, Page } from '../../../lib/ui/Page';
import { usePersonQuery } from '../api';
import { AccountActions } from '../components/AccountActions';
import { AdminNav } from '../components/AdminNav';
import { FunctionsEditor } from '../components/FunctionsEditor';
import { PersonDetails } from '../components/PersonDetails';
import { useAccountControls } from '../components/useAccountControls';
import '../components/admin.css';

/** One account as the establishment's administrators see it, with what they may do to it. */
export function PersonPage() {
  const { t } = useTranslation();
  const { personId = '' } = useParams();
  const { membership, can } = useSession();
  const establishmentId = membership?.establishment.id ?? null;
  const allowed = establishmentId !== null && can('admin.accounts.manage');
  const person = usePersonQuery(establishmentId, personId, allowed);
  const errorMessage = useErrorMessage();
  const title = person.data?.displayName ?? t('admin.title');
  if (!allowed || !establishmentId) {
    return (
      <Page title={t('admin.title')}>
        <Notice tone="info">{t('admin.noAccess')}</Notice>
      </Page>
    );
  }
  return (
    <Page title={title}>
      <AdminNav />
      <Link to="/admin" className="back-link">
        {t('admin.person.back')}
      </Link>
      {person.isPending ? <Loading /> : null}
      {person.error ? <Notice tone="error">{errorMessage(person.error)}</Notice> : null}
      {person.data ? <Loaded establishmentId={establishmentId} person={person.data} /> : null}
    </Page>
  );
}

function Loaded({ establishmentId, person }: { establishmentId: string; person: NonNullable<ReturnType<typeof usePersonQuery>['data']> }) {
  const { t } = useTranslation();
  const controls = useAccountControls(establishmentId);
  const canAct = person.can.reset || person.can.suspend;
  return (
    <>
      {controls.before}
      <PersonDetails person={person} />
      {person.can.editFunctions ? <FunctionsEditor key={person.functions.join()} establishmentId={establishmentId} personId={person.id} current={person.functions} /> : null}
      {canAct ? (
        <section aria-labelledby="account-title" className="admin-section">
          <h2 id="account-title">{t('admin.person.account')}</h2>
          <div className="admin-actions">
            <AccountActions
              name={person.displayName}
              state={person.state}
              reactivating={controls.reactivating(person.id)}
              canSuspend={person.can.suspend}
              onReset={() => controls.open(person, 'reset')}
              onSuspend={() => controls.open(person, 'suspend')}
              onReactivate={() => controls.reactivate(person)}
            />
          </div>
        </section>
      ) : null}
      {controls.dialog}
    </>
  );
}
