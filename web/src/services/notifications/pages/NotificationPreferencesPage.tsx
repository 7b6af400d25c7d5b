import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_SERVICES,
  type NotificationDefaults,
  type NotificationPreferences,
  type NotificationPreferencesUpdate,
} from '@preau/contracts';
import { type FormEvent, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/error-messages';
import { BusyButton } from '../../../lib/ui/BusyButton';
import { Notice } from '../../../lib/ui/Notice';
import { Loading, Page } from '../../../lib/ui/Page';
import { usePreferencesQuery, useSavePreferences } from '../api';
import { DefaultsEditor } from '../components/DefaultsEditor';
import { PushDevice } from '../components/PushDevice';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What to send: a value equal to the establishment's is sent as null (follow the establishment,
 * also when it changes later); a different one becomes the person's own.
 */
export function toUpdate(draft: NotificationDefaults, defaults: NotificationDefaults): NotificationPreferencesUpdate {
  return {
    emailFrequency: draft.emailFrequency === defaults.emailFrequency ? null : draft.emailFrequency,
    quietHours: same(draft.quietHours, defaults.quietHours) ? null : draft.quietHours,
    channels: NOTIFICATION_SERVICES.flatMap((service) =>
      NOTIFICATION_CHANNELS.map((channel) => {
        const on = draft.channels[service][channel];
        return { service, channel, enabled: on === defaults.channels[service][channel] ? null : on };
      }),
    ),
  };
}

const RESET: NotificationPreferencesUpdate = {
  emailFrequency: null,
  quietHours: null,
  channels: NOTIFICATION_SERVICES.flatMap((service) => NOTIFICATION_CHANNELS.map((channel) => ({ service, channel, enabled: null }))),
};

export function NotificationPreferencesPage() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const preferences = usePreferencesQuery();
  return (
    <Page title={t('notifications.title')} intro={<p>{t('notifications.intro')}</p>}>
      {preferences.isPending ? <Loading /> : null}
      {preferences.isError ? <Notice tone="error">{errorMessage(preferences.error)}</Notice> : null}
      {preferences.data ? <PreferencesForm preferences={preferences.data} /> : null}
    </Page>
  );
}

function PreferencesForm({ preferences }: { preferences: NotificationPreferences }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const save = useSavePreferences();
  const [draft, setDraft] = useState<NotificationDefaults | null>(null);
  const [saved, setSaved] = useState(false);
  const value = draft ?? preferences.effective;
  const hasOwn = preferences.own.emailFrequency || preferences.own.quietHours || preferences.own.channels.length > 0;
  const submit = (update: NotificationPreferencesUpdate) => {
    if (save.isPending) return;
    setSaved(false);
    save.mutate(update, {
      onSuccess: () => {
        setDraft(null);
        setSaved(true);
      },
    });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit(toUpdate(value, preferences.defaults));
  };
  return (
    <div className="stack">
      {!preferences.emailAvailable ? (
        <Notice tone="info">{t('notifications.emailUnavailable')}</Notice>
      ) : !preferences.hasEmail ? (
        <Notice tone="info">{t('notifications.noEmail')}</Notice>
      ) : null}
      <p>{hasOwn ? t('notifications.ownChoices') : t('notifications.followsDefault')}</p>
      <form className="form stack" onSubmit={onSubmit} aria-labelledby="prefs-title">
        <h2 id="prefs-title" className="visually-hidden">
          {t('notifications.title')}
        </h2>
        <DefaultsEditor
          name="own"
          value={value}
          timeZone={preferences.timeZone}
          onChange={(next) => {
            setSaved(false);
            setDraft(next);
          }}
        />
        {save.isError ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
        {saved ? <Notice tone="success">{t('notifications.saved')}</Notice> : null}
        <div className="prefs__actions">
          <BusyButton type="submit" className="button button--primary" busy={save.isPending}>
            {save.isPending ? t('notifications.saving') : t('notifications.save')}
          </BusyButton>
          {hasOwn ? (
            <Button className="button button--secondary" onPress={() => submit(RESET)}>
              {t('notifications.resetToDefaults')}
            </Button>
          ) : null}
        </div>
      </form>
      <PushDevice devices={preferences.pushDevices} />
    </div>
  );
}
