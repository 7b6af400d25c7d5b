import type { AttendanceReason } from '@preau/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { useSession } from '../../../app/session';
import { useErrorMessage } from '../../../lib/error-messages';
import { Notice } from '../../../lib/ui/Notice';
import { Loading, Page } from '../../../lib/ui/Page';
import { useDeleteReason, useReasons, useSettings } from '../api';
import { ReasonForm } from '../components/ReasonForm';
import { SettingsForm } from '../components/SettingsForm';
import { ScrollRegion } from '../components/ScrollRegion';
import '../attendance.css';

/** The establishment's absence reasons (vie scolaire, head, local administrators) and the attendance settings. */
export function ReasonsPage() {
  const { t } = useTranslation();
  const { membership, can } = useSession();
  const errorMessage = useErrorMessage();
  const establishmentId = membership?.establishment.id ?? null;
  const allowed = establishmentId !== null && can('attendance.settings');
  const reasons = useReasons(allowed ? establishmentId : null);
  const settings = useSettings(allowed ? establishmentId : null);
  const remove = useDeleteReason(establishmentId ?? '');
  const [editing, setEditing] = useState<AttendanceReason | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  if (!allowed || !establishmentId) {
    return (
      <Page title={t('attendance.reasons.title')}>
        <Notice tone="info">{t('attendance.reasons.noAccess')}</Notice>
      </Page>
    );
  }
  return (
    <Page title={t('attendance.reasons.title')} intro={<p>{t('attendance.reasons.intro')}</p>}>
      {reasons.isPending ? <Loading /> : null}
      {reasons.isError ? <Notice tone="error">{errorMessage(reasons.error)}</Notice> : null}
      {remove.isError ? <Notice tone="error">{errorMessage(remove.error)}</Notice> : null}
      {message ? <Notice tone="success">{message}</Notice> : null}
      {reasons.data ? (
        <ScrollRegion label={t('attendance.reasons.caption')}>
          <table className="roll-table">
            <caption>{t('attendance.reasons.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('attendance.reasons.label')}</th>
                <th scope="col">{t('attendance.reasons.code')}</th>
                <th scope="col">{t('attendance.reasons.justifies')}</th>
                <th scope="col">{t('attendance.reasons.active')}</th>
                <th scope="col">{t('attendance.reasons.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {reasons.data.reasons.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.label}</th>
                  <td>{r.code}</td>
                  <td>{r.countsAsJustified ? t('attendance.reasons.yes') : t('attendance.reasons.no')}</td>
                  <td>{r.active ? t('attendance.reasons.yes') : t('attendance.reasons.no')}</td>
                  <td className="grades-actions">
                    <Button className="button" aria-label={t('attendance.reasons.edit', { label: r.label })} onPress={() => setEditing(r)}>
                      {t('attendance.reasons.editShort')}
                    </Button>
                    <Button
                      className="button"
                      aria-label={t('attendance.reasons.remove', { label: r.label })}
                      onPress={() => remove.mutate(r.id, { onSuccess: () => setMessage(t('attendance.reasons.removed')) })}
                    >
                      {t('attendance.reasons.removeShort')}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
      <ReasonForm
        key={editing?.id ?? 'new'}
        establishmentId={establishmentId}
        reason={editing}
        onSaved={() => {
          setEditing(null);
          setMessage(t('attendance.reasons.saved'));
        }}
        onCancel={() => setEditing(null)}
      />
      {settings.data ? <SettingsForm establishmentId={establishmentId} settings={settings.data} /> : null}
    </Page>
  );
}
