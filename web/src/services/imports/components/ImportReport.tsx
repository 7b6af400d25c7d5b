import { type ReactNode, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatDateTime } from '../../../lib/format';
import type { ImportRunDetail } from '../api';
import { useCodeLabel } from '../labels';
import { COUNTS, readReport } from '../report';
import { RejectedTable } from './RejectedTable';
import { ConflictsList, CreatedList, DeactivatedList, DuplicatesList, MovedList, UpdatedList } from './ReportLists';
import { ReportSection } from './ReportSection';

/** Problems are opened at once when they are few; the rest waits behind its disclosure. */
const OPEN_WHEN_AT_MOST = 20;
const PROBLEMS = new Set(['conflicts', 'duplicates', 'rejected']);

type ImportReportProps = { run: ImportRunDetail; actions?: ReactNode };

/** A run's report: who, when, counts, then each kind of change as an expandable list. */
export function ImportReport({ run, actions }: ImportReportProps) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const label = useCodeLabel();
  const report = useMemo(() => readReport(run.report), [run.report]);
  const ref = useRef<HTMLElement>(null);
  // New report shown (upload, apply, or opened from the history): take keyboard and screen reader there.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per run shown
  useEffect(() => ref.current?.focus(), [run.id]);

  const applied = run.status === 'applied';
  const intro = applied ? 'appliedIntro' : run.status === 'confirmed' ? 'confirmedIntro' : 'plannedIntro';
  const total = COUNTS.reduce((sum, key) => sum + report[key].count, 0);
  const title = (key: (typeof COUNTS)[number]) => t(`imports.report.sections.${key}`, { count: report[key].count });
  const few = (count: number) => count <= OPEN_WHEN_AT_MOST;

  return (
    <section ref={ref} tabIndex={-1} aria-labelledby="report-title" className="card report" data-run-id={run.id} data-status={run.status}>
      <h2 id="report-title">{applied ? t('imports.report.appliedTitle') : t('imports.report.plannedTitle')}</h2>
      <p>{t(`imports.report.${intro}`)}</p>
      <dl className="details">
        <dt>{t('imports.report.source')}</dt>
        <dd>{label('imports.sources', run.source)}</dd>
        <dt>{t('imports.report.files')}</dt>
        <dd>{run.files.join(', ')}</dd>
        <dt>{t('imports.report.by')}</dt>
        <dd>{run.requestedBy ?? t('imports.history.nobody')}</dd>
        <dt>{t('imports.report.at')}</dt>
        <dd>{formatDateTime(run.createdAt)}</dd>
      </dl>
      <h3>{t('imports.report.countsTitle')}</h3>
      <dl className="report-counts">
        {COUNTS.map((key) => (
          <div
            key={key}
            className={`report-counts__item${PROBLEMS.has(key) && report[key].count > 0 ? ' has-problems' : ''}`}
            data-count={key}
          >
            <dt>{t(`imports.report.counts.${key}`)}</dt>
            <dd>{report[key].count}</dd>
          </div>
        ))}
      </dl>
      {total === 0 ? <p>{t('imports.report.nothing')}</p> : null}
      {report.structures.created.length ? (
        <p>{t('imports.report.structuresCreated', { list: report.structures.created.join(', ') })}</p>
      ) : null}
      <div className="report__sections">
        {report.created.count ? (
          <ReportSection id="created" title={title('created')} items={report.created.items}>
            {(items) => <CreatedList items={items} />}
          </ReportSection>
        ) : null}
        {report.updated.count ? (
          <ReportSection id="updated" title={title('updated')} items={report.updated.items}>
            {(items) => <UpdatedList items={items} />}
          </ReportSection>
        ) : null}
        {report.moved.count ? (
          <ReportSection id="moved" title={title('moved')} items={report.moved.items}>
            {(items) => <MovedList items={items} />}
          </ReportSection>
        ) : null}
        {report.deactivated.count ? (
          <ReportSection id="deactivated" title={title('deactivated')} items={report.deactivated.items}>
            {(items) => <DeactivatedList items={items} />}
          </ReportSection>
        ) : null}
        {report.conflicts.count ? (
          <ReportSection id="conflicts" title={title('conflicts')} items={report.conflicts.items} defaultExpanded={few(report.conflicts.count)}>
            {(items) => <ConflictsList items={items} />}
          </ReportSection>
        ) : null}
        {report.duplicates.count ? (
          <ReportSection id="duplicates" title={title('duplicates')} items={report.duplicates.items} defaultExpanded={few(report.duplicates.count)}>
            {(items) => <DuplicatesList items={items} />}
          </ReportSection>
        ) : null}
        {report.rejected.count ? (
          <ReportSection id="rejected" title={title('rejected')} items={report.rejected.items} defaultExpanded={few(report.rejected.count)}>
            {(items) => <RejectedTable items={items} />}
          </ReportSection>
        ) : null}
      </div>
      {actions}
    </section>
  );
}
