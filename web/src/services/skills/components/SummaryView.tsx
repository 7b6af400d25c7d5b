import type { CycleSummary, SkillSummary } from '@preau/contracts';
import { useTranslation } from 'react-i18next';
import { useFormatDate } from '../../../lib/format';
import { componentKey } from '../i18n';
import { LevelBadge } from './LevelBadge';

type Counts = readonly [number, number, number, number];

/** "2 × MF, 1 × MS": each level obtained with how often, as text (the badges carry the colour). */
function CountsText({ counts }: { counts: Counts }) {
  const { t } = useTranslation();
  const present = ([1, 2, 3, 4] as const).filter((level) => counts[level - 1] > 0);
  if (present.length === 0) return <span className="muted">{t('skills.none')}</span>;
  return (
    <span className="skills-counts">
      {present.map((level, i) => (
        <span key={level}>
          {i > 0 ? ', ' : ''}
          {counts[level - 1]} × <LevelBadge value={level} />
        </span>
      ))}
    </span>
  );
}

/** A student's skills over a period: the positioning of each component, the levels behind it, then the detail. */
export function SummaryView({ summary }: { summary: SkillSummary }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const assessed = summary.components.filter((c) => c.results.length > 0);
  return (
    <div className="skills-section">
      <table className="skills-table" data-testid="skills-summary">
        <caption className="visually-hidden">{t('skills.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('skills.component')}</th>
            <th scope="col">{t('skills.positioning')}</th>
            <th scope="col">{t('skills.levelsObtained')}</th>
          </tr>
        </thead>
        <tbody>
          {summary.components.map((c) => (
            <tr key={c.component} data-component={c.component}>
              <th scope="row">
                {c.component} — {t(`skills.components.${componentKey(c.component)}`)}
              </th>
              <td>
                <LevelBadge value={c.positioning} full />
              </td>
              <td>
                <CountsText counts={c.counts} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t('skills.positioningRule')}</p>
      {assessed.length === 0 ? <p className="muted">{t('skills.empty')}</p> : null}
      {assessed.map((c) => (
        <section key={c.component} className="card" aria-labelledby={`detail-${componentKey(c.component)}`}>
          <h3 id={`detail-${componentKey(c.component)}`}>
            {c.component} — {t(`skills.components.${componentKey(c.component)}`)}
          </h3>
          <ul>
            {c.results.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: results have no id and keep their order
              <li key={i}>
                {formatDate(r.date)} · {r.subject} · {r.assessment}
                {r.skill ? ` · ${r.skill}` : ''} : <LevelBadge value={r.value} full />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

/** A student's cycle so far: the positioning over the cycle and each school year's. */
export function CycleView({ summary }: { summary: CycleSummary }) {
  const { t } = useTranslation();
  const year = (y: number) => t('skills.schoolYear', { from: y, to: y + 1 });
  return (
    <div className="skills-section">
      <p>{summary.cycle ? <strong>{t('skills.cycleN', { cycle: summary.cycle })}</strong> : t('skills.noCycle')}</p>
      <table className="skills-table" data-testid="skills-cycle">
        <caption className="visually-hidden">{summary.cycle ? t('skills.cycleN', { cycle: summary.cycle }) : t('skills.year')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('skills.component')}</th>
            <th scope="col">{t('skills.positioning')}</th>
            {summary.years.map((y) => (
              <th scope="col" key={y}>
                {year(y)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {summary.components.map((c) => (
            <tr key={c.component} data-component={c.component}>
              <th scope="row">
                {c.component} — {t(`skills.components.${componentKey(c.component)}`)}
              </th>
              <td>
                <LevelBadge value={c.positioning} full />
              </td>
              {c.byYear.map((y) => (
                <td key={y.year}>
                  <LevelBadge value={y.positioning} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t('skills.positioningRule')}</p>
    </div>
  );
}
