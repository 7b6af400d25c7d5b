import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session';
import { Notice } from '../../../lib/ui/Notice';
import { Page } from '../../../lib/ui/Page';
import { type PeopleFilter, usePeopleQuery } from '../api';
import { PeopleResults } from '../components/PeopleResults';
import { PeopleSearchForm } from '../components/PeopleSearchForm';

export function DirectoryPage() {
  const { t } = useTranslation();
  const { membership, can } = useSession();
  const [filter, setFilter] = useState<PeopleFilter>({ q: '', profile: null });
  const allowed = membership !== null && can('directory.read');
  const query = usePeopleQuery(membership?.establishment.id ?? null, filter, allowed);
  return (
    <Page
      title={t('directory.title')}
      intro={membership ? <p>{t('directory.intro', { establishment: membership.establishment.name })}</p> : null}
    >
      {allowed ? (
        <>
          <PeopleSearchForm initial={filter} onSearch={setFilter} />
          <PeopleResults query={query} />
        </>
      ) : (
        <Notice tone="info">{t('directory.noAccess')}</Notice>
      )}
    </Page>
  );
}
