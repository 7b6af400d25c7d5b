import type { AttendanceSettings } from '@preau/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from 'react-aria-components';
import { useErrorMessage } from '../../../lib/error-messages';
import { BusyButton } from '../../../lib/ui/BusyButton';
import { Notice } from '../../../lib/ui/Notice';
import { TextInput } from '../../../lib/ui/TextInput';
import { useSaveSettings } from '../api';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The half-day boundary and the delay before a register counts as not taken. */
export function SettingsForm({ establishmentId, settings }: { establishmentId: string; settings: AttendanceSettings }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const save = useSaveSettings(establishmentId);
  const [boundary, setBoundary] = useState(settings.halfDayBoundary);
  const [delay, setDelay] = useState(String(settings.forgottenAfterMinutes));
  const [showErrors, setShowErrors] = useState(false);
  const delayOk = /^\d{1,4}$/.test(delay.trim()) && Number(delay) <= 1440;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    setShowErrors(true);
    if (!TIME.test(boundary.trim()) || !delayOk) return;
    save.mutate({ halfDayBoundary: boundary.trim(), forgottenAfterMinutes: Number(delay) });
  };

  return (
    <Form onSubmit={onSubmit} aria-labelledby="attendance-settings" className="grades-entry-section" validationBehavior="aria">
      <h2 id="attendance-settings">{t('attendance.reasons.settingsTitle')}</h2>
      <TextInput
        label={t('attendance.reasons.boundary')}
        description={t('attendance.reasons.boundaryHelp')}
        value={boundary}
        onChange={setBoundary}
        verbatim
        errorMessage={showErrors && !TIME.test(boundary.trim()) ? t('attendance.reasons.badBoundary') : null}
      />
      <TextInput label={t('attendance.reasons.delay')} inputMode="numeric" value={delay} onChange={setDelay} errorMessage={showErrors && !delayOk ? t('attendance.reasons.badDelay') : null} />
      {save.isError ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
      {save.isSuccess ? <Notice tone="success">{t('attendance.reasons.settingsSaved')}</Notice> : null}
      <BusyButton busy={save.isPending} type="submit" className="button button--primary">
        {t('attendance.reasons.saveSettings')}
      </BusyButton>
    </Form>
  );
}
