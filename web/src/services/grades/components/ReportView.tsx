import type { GradeReport, GradeValue } from '@preau/contracts';
import { useTranslation } from 'react-i18next';
import { useFormatDate } from '../../../lib/format';

const number = (value: number | null, language: string) => (value === null ? '—' : value.toLocaleString(language, { maximumFractionDigits: 2 }));

export function GradeText({ grade, scale }: { grade: GradeValue | null; scale: number }) {
  const { t, i18n } = useTranslation();
  if (!grade) return <>{t('grades.noGrade')}</>;
  if (grade.special) return <>{grade.countsAsZero ? t('grades.countsAsZero', { special: t(`grades.special.${grade.special}`) }) : t(`grades.special.${grade.special}`)}</>;
  return <>{t('grades.outOf', { value: number(grade.value, i18n.language), scale: number(scale, i18n.language) })}</>;
}

/** One student's grades: a table per subject, with their average and the class figures. */
export function ReportView({ report }: { report: GradeReport }) {
  const { t, i18n } = useTranslation();
  const formatDate = useFormatDate();
  const n = (v: number | null) => number(v, i18n.language);
  if (report.subjects.length === 0) return <p className="muted">{t('grades.empty')}</p>;
  return (
    <div className="grades-report">
      <section aria-labelledby="grades-general" className="card grades-general">
        <h2 id="grades-general">{t('grades.general')}</h2>
        <p className="grades-general__value" data-testid="general-average">
          {n(report.general.average)}
        </p>
        <p className="muted">{t('grades.classFigures', { average: n(report.general.classFigures.average), min: n(report.general.classFigures.min), max: n(report.general.classFigures.max) })}</p>
      </section>
      {report.subjects.map((s) => (
        <section key={s.subject.id} aria-labelledby={`subject-${s.subject.id}`} className="card grades-subject">
          <h2 id={`subject-${s.subject.id}`}>
            {s.subject.name} <span className="muted">({t('grades.coefficient', { value: n(s.coefficient) })})</span>
          </h2>
          <p>
            <strong>
              {t('grades.yours')} : <span data-subject-average={s.subject.name}>{n(s.average)}</span>
            </strong>{' '}
            · {t('grades.classFigures', { average: n(s.classFigures.average), min: n(s.classFigures.min), max: n(s.classFigures.max) })}
          </p>
          <table className="grades-table">
            <caption className="visually-hidden">{s.subject.name}</caption>
            <thead>
              <tr>
                <th scope="col">{t('grades.assessment')}</th>
                <th scope="col">{t('grades.date')}</th>
                <th scope="col">{t('grades.grade')}</th>
                <th scope="col">{t('grades.classAverage')}</th>
                <th scope="col">{t('grades.min')}</th>
                <th scope="col">{t('grades.max')}</th>
              </tr>
            </thead>
            <tbody>
              {s.assessments.map((a) => (
                <tr key={a.id}>
                  <th scope="row">
                    {a.title}
                    {a.kind !== 'normal' ? <span className="muted"> ({t(`grades.${a.kind}`)})</span> : null}
                    <span className="muted"> · {t('grades.coefficient', { value: n(a.coefficient) })}</span>
                  </th>
                  <td>{formatDate(a.date)}</td>
                  <td>
                    <GradeText grade={a.grade} scale={a.scale} />
                  </td>
                  <td>{n(a.figures.average)}</td>
                  <td>{n(a.figures.min)}</td>
                  <td>{n(a.figures.max)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      <p className="muted">{t('grades.rounding')}</p>
    </div>
  );
}
