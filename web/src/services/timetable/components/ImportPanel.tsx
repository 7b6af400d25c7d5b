import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/error-messages';
import { BusyButton } from '../../../lib/ui/BusyButton';
import { Notice } from '../../../lib/ui/Notice';
import { SelectInput } from '../../../lib/ui/SelectInput';
import { useTimetableImport } from '../api';

/** Check a file first (nothing changes), then import it: the lessons of that source are replaced. */
export function ImportPanel({ establishmentId }: { establishmentId: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const run = useTimetableImport(establishmentId);
  const [source, setSource] = useState<'sts' | 'csv'>('sts');
  const [file, setFile] = useState<File | null>(null);
  const report = run.data;
  const go = (apply: boolean) => {
    if (file && !run.isPending) run.mutate({ source, file, apply });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    go(false);
  };
  return (
    <section className="card manage-section" aria-labelledby="import-title">
      <h2 id="import-title">{t('timetable.manage.import.title')}</h2>
      <p className="muted">{t('timetable.manage.import.help')}</p>
      <form className="form" onSubmit={submit}>
        <SelectInput
          label={t('timetable.manage.import.source')}
          value={source}
          onChange={(v) => setSource(v as 'sts' | 'csv')}
          options={[
            { id: 'sts', label: t('timetable.manage.import.sts') },
            { id: 'csv', label: t('timetable.manage.import.csv') },
          ]}
        />
        <div className="field">
          <label className="field__label" htmlFor="timetable-file">
            {t('timetable.manage.import.file')}
          </label>
          <input id="timetable-file" type="file" accept={source === 'sts' ? '.xml,text/xml' : '.csv,text/csv'} onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
        </div>
        <div className="form-actions">
          <BusyButton type="submit" className="button button--secondary" busy={run.isPending}>
            {t('timetable.manage.import.check')}
          </BusyButton>
          {report && !report.applied ? (
            <BusyButton className="button button--primary" busy={run.isPending} onPress={() => go(true)}>
              {t('timetable.manage.import.apply')}
            </BusyButton>
          ) : null}
        </div>
      </form>
      {run.isError ? <Notice tone="error">{errorMessage(run.error)}</Notice> : null}
      {report ? (
        <Notice tone={report.applied ? 'success' : 'info'}>
          <p>{report.applied ? t('timetable.manage.import.applied', { slots: report.slots }) : t('timetable.manage.import.report', { slots: report.slots, rooms: report.rooms, replaced: report.replaced })}</p>
          {report.rejected.length > 0 ? (
            <>
              <p>{t('timetable.manage.import.rejected')}</p>
              <ul>
                {report.rejected.slice(0, 50).map((r) => (
                  <li key={`${r.line}-${r.reason}-${r.detail}`}>{r.detail}</li>
                ))}
              </ul>
            </>
          ) : null}
        </Notice>
      ) : null}
    </section>
  );
}
