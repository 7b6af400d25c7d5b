import type { EstablishmentNotificationDefaults, NotificationAudience } from '@preau/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session';
import { useErrorMessage } from '../../../lib/error-messages';
import { BusyButton } from '../../../lib/ui/BusyButton';
import { Notice } from '../../../lib/ui/Notice';
import { Loading, Page } from '../../../lib/ui/Page';
import { useDefaultsQuery, usePreferencesQuery, useSaveDefaults } from '../api';
import { DefaultsEditor } from '../components/DefaultsEditor';

const AUDIENCES: NotificationAudience[] = ['family', 'staff'];

/** The establishment's defaults for students and parents, and for staff (local admin, head). */
export function EstablishmentNotificationsPage() {
  const { t } = useTranslation();
  const { membership, can } = useSession();
  const allowed = !!membership && can('notifications.defaults.manage');
  return (
    <Page
      title={t('notifications.adminTitle')}
      intro={allowed && membership ? <p>{t('notifications.adminIntro', { establishment: membership.establishment.name })}</p> : null}
    >
      {allowed && membership ? <DefaultsForm establishmentId={membership.establishment.id} /> : <Notice tone="info">{t('notifications.adminNoAccess')}</Notice>}
    </Page>
  );
}

function DefaultsForm({ establishmentId }: { establishmentId: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const defaults = useDefaultsQuery(establishmentId);
  const save = useSaveDefaults(establishmentId);
  // The installation's time zone (quiet hours are read in it) comes with one's own preferences.
  const timeZone = usePreferencesQuery().data?.timeZone ?? 'Europe/Paris';
  const [draft, setDraft] = useState<EstablishmentNotificationDefaults | null>(null);
  const [saved, setSaved] = useState(false);
  if (defaults.isPending) return <Loading />;
  if (defaults.isError) return <Notice tone="error">{errorMessage(defaults.error)}</Notice>;
  const value = draft ?? defaults.data;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    setSaved(false);
    save.mutate(value, {
      onSuccess: () => {
        setDraft(null);
        setSaved(true);
      },
    });
  };
  return (
    <form className="form stack" onSubmit={onSubmit}>
      {AUDIENCES.map((audience) => (
        <section key={audience} aria-labelledby={`audience-${audience}`} className="prefs__audience stack">
          <h2 id={`audience-${audience}`}>{t(`notifications.audiences.${audience}`)}</h2>
          <DefaultsEditor
            name={audience}
            value={value[audience]}
            timeZone={timeZone}
            onChange={(next) => {
              setSaved(false);
              setDraft({ ...value, [audience]: next });
            }}
          />
        </section>
      ))}
      {save.isError ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
      {saved ? <Notice tone="success">{t('notifications.adminSaved')}</Notice> : null}
      <div className="prefs__actions">
        <BusyButton type="submit" className="button button--primary" busy={save.isPending}>
          {save.isPending ? t('notifications.saving') : t('notifications.save')}
        </BusyButton>
      </div>
    </form>
  );
}
