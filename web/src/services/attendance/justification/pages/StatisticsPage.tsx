import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../../app/session';
import { useErrorMessage } from '../../../../lib/error-messages';
import { useFormatDate } from '../../../../lib/format';
import { BusyButton } from '../../../../lib/ui/BusyButton';
import { Notice } from '../../../../lib/ui/Notice';
import { Loading, Page } from '../../../../lib/ui/Page';
import { SelectInput } from '../../../../lib/ui/SelectInput';
import { TextInput } from '../../../../lib/ui/TextInput';
import { useAlertSettings, useClassStatistics, useSaveAlertSettings, useStatisticsClasses } from '../api';
import '../justification.css';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function ThresholdForm({ establishmentId, canEdit }: { establishmentId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const settings = useAlertSettings(establishmentId);
  const save = useSaveAlertSettings(establishmentId);
  const [value, setValue] = useState('');
  useEffect(() => {
    if (settings.data) setValue(String(settings.data.unjustifiedHalfDays));
  }, [settings.data]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    save.mutate({ unjustifiedHalfDays: Number(value) });
  };
  if (!settings.data) return null;
  return (
    <form className="card justification-form" onSubmit={submit}>
      <TextInput label={t('justification.stats.threshold')} value={value} onChange={(v) => setValue(v.replace(/\D/g, ''))} inputMode="numeric" isReadOnly={!canEdit} />
      {canEdit ? (
        <BusyButton type="submit" className="button" busy={save.isPending}>
          {t('justification.stats.saveThreshold')}
        </BusyButton>
      ) : null}
      {save.isError ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
      {save.isSuccess ? <Notice tone="success">{t('justification.stats.saved')}</Notice> : null}
    </form>
  );
}

/** Vie scolaire's figures per class and student over a period, and the alert threshold. */
export function StatisticsPage() {
  const { t, i18n } = useTranslation();
  const formatDate = useFormatDate();
  const { membership, can } = useSession();
  const errorMessage = useErrorMessage();
  const establishmentId = membership?.establishment.id ?? null;
  const allowed = establishmentId !== null && can('attendance.manage');
  const classes = useStatisticsClasses(allowed ? establishmentId : null);
  const [groupId, setGroupId] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const chosen = groupId ?? classes.data?.classes[0]?.id ?? null;
  const stats = useClassStatistics(allowed ? establishmentId : null, chosen, DATE.test(from) ? from : '', DATE.test(to) ? to : '');
  const rate = (value: number | null) => (value === null ? '—' : `${value.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'fr-FR')} %`);
  return (
    <Page title={t('justification.stats.title')} intro={<p>{t('justification.stats.intro')}</p>}>
      {!allowed ? <Notice tone="info">{t('justification.noAccess')}</Notice> : null}
      {allowed && establishmentId ? (
        <>
          <div className="switcher justification-form__grid">
            {classes.data && classes.data.classes.length > 0 ? (
              <SelectInput label={t('justification.stats.group')} value={chosen ?? ''} onChange={setGroupId} options={classes.data.classes.map((c) => ({ id: c.id, label: c.name }))} />
            ) : null}
            <TextInput label={t('justification.stats.from')} value={from} onChange={setFrom} verbatim />
            <TextInput label={t('justification.stats.to')} value={to} onChange={setTo} verbatim />
          </div>
          {!chosen ? <p className="muted">{t('justification.stats.choose')}</p> : null}
          {stats.isPending && chosen ? <Loading /> : null}
          {stats.isError ? <Notice tone="error">{errorMessage(stats.error)}</Notice> : null}
          {stats.data ? (
            <>
              <p>{t('justification.stats.period', { from: formatDate(stats.data.from), to: formatDate(stats.data.to) })}</p>
              <div className="justification-table-wrap">
                <table className="justification-table">
                  <caption className="muted">{t('justification.stats.rule', { boundary: stats.data.halfDayBoundary })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('justification.stats.student')}</th>
                      <th scope="col">{t('justification.stats.absent')}</th>
                      <th scope="col">{t('justification.stats.justified')}</th>
                      <th scope="col">{t('justification.stats.unjustified')}</th>
                      <th scope="col">{t('justification.stats.rate')}</th>
                      <th scope="col">{t('justification.stats.late')}</th>
                      <th scope="col">{t('justification.stats.lateMinutes')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {[...stats.data.students.map((s) => ({ key: s.student.id, name: s.student.name, above: s.aboveThreshold, f: s.figures })), { key: 'total', name: t('justification.stats.total'), above: false, f: stats.data.total }].map((row) => (
                      <tr key={row.key} data-student={row.key}>
                        <th scope="row">
                          {row.name}
                          {row.above ? <strong className="justification-state justification-state--refused"> · {t('justification.stats.above')}</strong> : null}
                        </th>
                        <td>{row.f.absentHalfDays}</td>
                        <td>{row.f.justifiedHalfDays}</td>
                        <td>{row.f.unjustifiedHalfDays}</td>
                        <td>{rate(row.f.absenceRate)}</td>
                        <td>{row.f.lateCount}</td>
                        <td>{row.f.lateMinutes}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          ) : null}
          <ThresholdForm establishmentId={establishmentId} canEdit={can('attendance.settings')} />
        </>
      ) : null}
    </Page>
  );
}
