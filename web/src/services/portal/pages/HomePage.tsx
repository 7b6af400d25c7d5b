import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session';
import { useErrorMessage } from '../../../lib/error-messages';
import { Notice } from '../../../lib/ui/Notice';
import { Loading, Page } from '../../../lib/ui/Page';
import { useHomeQuery } from '../api';
import { ChildSwitcher } from '../components/ChildSwitcher';
import { EstablishmentSwitcher } from '../components/EstablishmentSwitcher';
import { Tiles } from '../components/Tiles';
import { Timeline } from '../../timeline/components/Timeline';

export function HomePage() {
  const { t } = useTranslation();
  const { me, membership, can } = useSession();
  const errorMessage = useErrorMessage();
  const home = useHomeQuery(membership?.establishment.id ?? null);
  const establishmentName = home.data?.establishment?.name ?? membership?.establishment.name;
  return (
    <Page
      title={t('portal.home.title')}
      intro={
        <>
          <p className="greeting">{t('portal.home.greeting', { name: me.firstName })}</p>
          <p>
            {establishmentName
              ? t('portal.home.inEstablishment', { establishment: establishmentName })
              : t('portal.home.noEstablishment')}
          </p>
        </>
      }
    >
      <EstablishmentSwitcher />
      <ChildSwitcher />
      <section aria-labelledby="services-title">
        <h2 id="services-title">{t('portal.home.servicesTitle')}</h2>
        {home.isPending ? <Loading /> : null}
        {home.isError ? <Notice tone="error">{errorMessage(home.error)}</Notice> : null}
        {home.data ? <Tiles tiles={home.data.tiles} /> : null}
      </section>
      {can('notifications.use') ? <Timeline /> : null}
    </Page>
  );
}
