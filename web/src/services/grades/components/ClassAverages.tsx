import type { ClassAverages as ClassAveragesData, Figures, GradePeriod } from '@preau/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/error-messages';
import { Notice } from '../../../lib/ui/Notice';
import { Loading } from '../../../lib/ui/Page';
import { SelectInput } from '../../../lib/ui/SelectInput';
import { useClassAverages, useGradeClasses } from '../api';
import { CoefficientsForm } from './CoefficientsForm';
import { currentPeriodId, localToday } from './grade-input';

/** Students × subjects, each student's general average, and the class's mean, lowest and highest below. */
export function ClassAveragesTable({ data }: { data: ClassAveragesData }) {
  const { t, i18n } = useTranslation();
  const n = (v: number | null) => (v === null ? '—' : v.toLocaleString(i18n.language, { maximumFractionDigits: 2 }));
  const figureRows: [string, keyof Figures][] = [
    [t('grades.classView.classAverage'), 'average'],
    [t('grades.classView.min'), 'min'],
    [t('grades.classView.max'), 'max'],
  ];
  const caption = t('grades.classView.caption', { group: data.group.name, period: data.period?.name ?? t('grades.year') });
  return (
    // Wide tables scroll sideways: the region takes the keyboard focus so that arrows scroll it.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
    <section className="grades-grid-wrap" tabIndex={0} aria-label={caption}>
      <table className="grades-table grades-grid">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('grades.entry.student')}</th>
            {data.subjects.map((s) => (
              <th scope="col" key={s.subject.id}>
                {s.subject.name} <span className="muted">({t('grades.coefficient', { value: n(s.coefficient) })})</span>
              </th>
            ))}
            <th scope="col">{t('grades.general')}</th>
          </tr>
        </thead>
        <tbody>
          {data.students.map((s) => (
            <tr key={s.id}>
              <th scope="row">{s.displayName}</th>
              {data.subjects.map((c) => (
                <td key={c.subject.id}>{n(s.averages[c.subject.id] ?? null)}</td>
              ))}
              <td>
                <strong>{n(s.general)}</strong>
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          {figureRows.map(([label, key]) => (
            <tr key={key}>
              <th scope="row">{label}</th>
              {data.subjects.map((c) => (
                <td key={c.subject.id}>{n(c.figures[key])}</td>
              ))}
              <td>{n(data.general[key])}</td>
            </tr>
          ))}
        </tfoot>
      </table>
    </section>
  );
}

/**
 * The conseil de classe's view: the head and deputies pick any class (and set its subject
 * coefficients), a head teacher their own class; per period or over the year.
 */
export function ClassAverages({ establishmentId, periods, canManage }: { establishmentId: string; periods: GradePeriod[]; canManage: boolean }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const classes = useGradeClasses(establishmentId);
  const [groupChoice, setGroupChoice] = useState<string | null>(null);
  const [periodChoice, setPeriodChoice] = useState<string | null>(null);
  const list = classes.data?.classes ?? [];
  const groupId = groupChoice ?? list[0]?.id ?? null;
  const periodId = periodChoice ?? currentPeriodId(periods, localToday()) ?? 'year';
  const averages = useClassAverages(establishmentId, groupId, periodId === 'year' ? null : periodId);
  if (classes.isPending) return <Loading />;
  if (list.length === 0) return null;
  return (
    <section aria-labelledby="grades-class-title" className="grades-entry-section">
      <h2 id="grades-class-title">{t('grades.classView.title')}</h2>
      <div className="switcher">
        <SelectInput label={t('grades.classView.class')} value={groupId ?? ''} onChange={setGroupChoice} options={list.map((c) => ({ id: c.id, label: c.name }))} />
        <SelectInput
          label={t('grades.classView.period')}
          value={periodId}
          onChange={setPeriodChoice}
          options={[...periods.map((p) => ({ id: p.id, label: p.name })), { id: 'year', label: t('grades.year') }]}
        />
      </div>
      {averages.isPending && groupId ? <Loading /> : null}
      {averages.isError ? <Notice tone="error">{errorMessage(averages.error)}</Notice> : null}
      {averages.data ? <ClassAveragesTable data={averages.data} /> : null}
      {canManage && groupId ? <CoefficientsForm key={groupId} establishmentId={establishmentId} groupId={groupId} /> : null}
    </section>
  );
}
