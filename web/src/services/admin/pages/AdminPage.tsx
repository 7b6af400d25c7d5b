import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session';
import { useErrorMessage } from '../../../lib/error-messages';
import { Notice } from '../../../lib/ui/Notice';
import { Loading, Page } from '../../../lib/ui/Page';
import { Pager, useCursorPages } from '../../../lib/ui/Pager';
import { type AccountsFilter, useAccountsQuery } from '../api';
import { AccountActions } from '../components/AccountActions';
import { AccountsSearchForm } from '../components/AccountsSearchForm';
import { AccountsTable } from '../components/AccountsTable';
import { ActivationLetters } from '../components/ActivationLetters';
import { AdminNav } from '../components/AdminNav';
import { useAccountControls } from '../components/useAccountControls';
import '../components/admin.css';

const NO_FILTER: AccountsFilter = { q: '', profile: null, groupId: null, state: null };

/** The establishment's accounts: search, state, reset, suspend, reactivate; activation letters per class. */
export function AdminPage() {
  const { t } = useTranslation();
  const { me, membership, can } = useSession();
  const establishmentId = membership?.establishment.id ?? null;
  const allowed = establishmentId !== null && can('admin.accounts.manage');
  return (
    <Page title={t('admin.title')} intro={membership && allowed ? <p>{t('admin.intro', { establishment: membership.establishment.name })}</p> : null}>
      {!allowed || !establishmentId ? <Notice tone="info">{t('admin.noAccess')}</Notice> : <Accounts establishmentId={establishmentId} selfId={me.id} />}
    </Page>
  );
}

function Accounts({ establishmentId, selfId }: { establishmentId: string; selfId: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [filter, setFilter] = useState<AccountsFilter>(NO_FILTER);
  const pages = useCursorPages();
  const people = useAccountsQuery(establishmentId, filter, pages.cursor);
  const controls = useAccountControls(establishmentId);
  return (
    <>
      <AdminNav />
      {controls.before}
      <AccountsSearchForm
        establishmentId={establishmentId}
        initial={filter}
        onSearch={(next) => {
          setFilter(next);
          pages.reset();
        }}
      />
      {people.isPending ? <Loading /> : null}
      {people.error ? <Notice tone="error">{errorMessage(people.error)}</Notice> : null}
      {people.data ? (
        <AccountsTable
          people={people.data.items}
          actions={(person) =>
            person.id === selfId ? null : (
              <AccountActions
                name={person.displayName}
                state={person.state}
                reactivating={controls.reactivating(person.id)}
                onReset={() => controls.open(person, 'reset')}
                onSuspend={() => controls.open(person, 'suspend')}
                onReactivate={() => controls.reactivate(person)}
              />
            )
          }
        />
      ) : null}
      <Pager label={t('admin.accounts.pager')} pages={pages} nextCursor={people.data?.nextCursor ?? null} busy={people.isFetching} />
      <ActivationLetters establishmentId={establishmentId} />
      {controls.dialog}
    </>
  );
}
