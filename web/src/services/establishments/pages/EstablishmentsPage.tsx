import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session';
import { Notice } from '../../../lib/ui/Notice';
import { Page } from '../../../lib/ui/Page';
import { establishmentsQueryKey } from '../api';
import { EstablishmentForm } from '../components/EstablishmentForm';
import { EstablishmentsList } from '../components/EstablishmentsList';
import { OneRosterExport } from '../../imports/components/OneRosterExport';

/** Platform administrators: the establishments on the platform, and adding one. */
export function EstablishmentsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const queryClient = useQueryClient();
  if (!can('platform.establishments.manage')) {
    return (
      <Page title={t('establishments.title')}>
        <Notice tone="info">{t('establishments.noAccess')}</Notice>
      </Page>
    );
  }
  return (
    <Page title={t('establishments.title')} intro={<p>{t('establishments.intro')}</p>}>
      <div className="stack">
        <EstablishmentsList />
        <EstablishmentForm onCreated={() => queryClient.invalidateQueries({ queryKey: establishmentsQueryKey })} />
        {can('platform.exports.manage') ? <OneRosterExport establishmentId={null} /> : null}
      </div>
    </Page>
  );
}
