import type { Profile, ServiceSettings } from '@preau/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session';
import { useErrorMessage } from '../../../lib/error-messages';
import { BusyButton } from '../../../lib/ui/BusyButton';
import { CheckboxInput } from '../../../lib/ui/CheckboxInput';
import { Notice } from '../../../lib/ui/Notice';
import { Loading, Page } from '../../../lib/ui/Page';
import { AdminNav } from '../components/AdminNav';
import { saveHiddenServices, servicesQueryKey, useServiceSettingsQuery } from '../services-api';
import '../components/admin.css';

/** Per profile, the services shown on the establishment's home page. */
export function ServicesPage() {
  const { t } = useTranslation();
  const { membership, can } = useSession();
  const errorMessage = useErrorMessage();
  const establishmentId = membership?.establishment.id ?? null;
  const allowed = establishmentId !== null && can('admin.services.manage');
  const settings = useServiceSettingsQuery(allowed ? establishmentId : null);
  if (!allowed || !membership || !establishmentId) {
    return (
      <Page title={t('admin.services.title')}>
        <Notice tone="info">{t('admin.noAccess')}</Notice>
      </Page>
    );
  }
  return (
    <Page title={t('admin.services.title')} intro={<p>{t('admin.services.intro', { establishment: membership.establishment.name })}</p>}>
      <AdminNav />
      {settings.isPending ? <Loading /> : null}
      {settings.error ? <Notice tone="error">{errorMessage(settings.error)}</Notice> : null}
      {settings.data && settings.data.profiles.length === 0 ? <p>{t('admin.services.empty')}</p> : null}
      {settings.data?.profiles.map((p) => (
        <ProfileServices key={p.profile} establishmentId={establishmentId} settings={p} />
      ))}
    </Page>
  );
}

function ProfileServices({ establishmentId, settings }: { establishmentId: string; settings: ServiceSettings['profiles'][number] }) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [visible, setVisible] = useState(() => new Set(settings.services.filter((s) => s.visible).map((s) => s.id)));
  const [saved, setSaved] = useState(false);
  const profileName = t(`admin.profilesPlural.${settings.profile}`);
  const save = useMutation({
    mutationFn: () => saveHiddenServices(establishmentId, settings.profile as Profile, settings.services.filter((s) => !visible.has(s.id)).map((s) => s.id)),
    onSuccess: (data) => {
      setSaved(true);
      queryClient.setQueryData(servicesQueryKey(establishmentId), data);
      void queryClient.invalidateQueries({ queryKey: ['portal'] });
    },
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!save.isPending) save.mutate();
  };
  const titleOf = (id: string) => (i18n.exists(`portal.tiles.${id}.title`) ? t(`portal.tiles.${id}.title`) : id);
  const headingId = `services-${settings.profile}`;
  return (
    <section aria-labelledby={headingId} className="admin-section card" data-profile={settings.profile}>
      <Form onSubmit={onSubmit}>
        <fieldset className="admin-fieldset">
          <legend id={headingId}>{t('admin.services.profileLegend', { profile: profileName })}</legend>
          <ul className="admin-checks">
            {settings.services.map((s) => (
              <li key={s.id}>
                <CheckboxInput
                  name={`${settings.profile}-services`}
                  label={titleOf(s.id)}
                  isSelected={visible.has(s.id)}
                  onChange={(selected) => {
                    setSaved(false);
                    setVisible((set) => {
                      const next = new Set(set);
                      if (selected) next.add(s.id);
                      else next.delete(s.id);
                      return next;
                    });
                  }}
                />
              </li>
            ))}
          </ul>
        </fieldset>
        {save.error ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
        <div className="admin-actions">
          <BusyButton type="submit" className="button button--primary" busy={save.isPending} aria-label={`${t('admin.services.save')} (${profileName})`}>
            {t('admin.services.save')}
          </BusyButton>
          <span role="status">{saved ? t('admin.services.saved', { profile: profileName }) : ''}</span>
        </div>
      </Form>
    </section>
  );
}
