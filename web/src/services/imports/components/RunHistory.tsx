import type { ImportRun } from '@preau/contracts';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/error-messages';
import { useFormatDateTime } from '../../../lib/format';
import { Notice } from '../../../lib/ui/Notice';
import { Loading } from '../../../lib/ui/Page';
import { useRunsQuery } from '../api';
import { useCodeLabel } from '../labels';

type RunHistoryProps = { establishmentId: string; onOpen: (runId: string) => void };

/** Past runs, most recent first, a page at a time; each row opens its report. */
export function RunHistory({ establishmentId, onOpen }: RunHistoryProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const formatDateTime = useFormatDateTime();
  const label = useCodeLabel();
  // Cursors of the pages already seen, so "Page précédente" works with forward-only cursors.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const runs = useRunsQuery(establishmentId, cursors[cursors.length - 1]);
  const nextCursor = runs.data?.nextCursor ?? null;
  const summary = (run: ImportRun) => t('imports.history.summaryText', { ...run.summary });

  return (
    <section aria-labelledby="history-title" className="history">
      <h2 id="history-title">{t('imports.history.title')}</h2>
      {runs.isPending ? <Loading /> : null}
      {runs.error ? <Notice tone="error">{errorMessage(runs.error)}</Notice> : null}
      {runs.data && runs.data.items.length === 0 && cursors.length === 1 ? <p>{t('imports.history.empty')}</p> : null}
      {runs.data && runs.data.items.length > 0 ? (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
        <section className="table-scroll" tabIndex={0} aria-label={t('imports.history.caption')}>
          <table className="table">
            <caption className="visually-hidden">{t('imports.history.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('imports.history.at')}</th>
                <th scope="col">{t('imports.history.source')}</th>
                <th scope="col">{t('imports.history.status')}</th>
                <th scope="col">{t('imports.history.by')}</th>
                <th scope="col">{t('imports.history.summary')}</th>
                <th scope="col">{t('imports.history.report')}</th>
              </tr>
            </thead>
            <tbody>
              {runs.data.items.map((run) => (
                <tr key={run.id} data-run-id={run.id} data-status={run.status}>
                  <td>
                    <time dateTime={run.createdAt}>{formatDateTime(run.createdAt)}</time>
                  </td>
                  <td>{label('imports.sources', run.source)}</td>
                  <td>
                    <span className={`status status--${run.status}`}>{label('imports.history.statuses', run.status)}</span>
                  </td>
                  <td>{run.requestedBy ?? t('imports.history.nobody')}</td>
                  <td className="table__details">{summary(run)}</td>
                  <td>
                    <Button
                      className="button button--quiet"
                      onPress={() => onOpen(run.id)}
                      aria-label={t('imports.history.openLabel', { date: formatDateTime(run.createdAt) })}
                    >
                      {t('imports.history.open')}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {cursors.length > 1 || nextCursor ? (
        <nav className="pager" aria-label={t('imports.history.title')}>
          <Button
            className="button button--secondary"
            isDisabled={cursors.length < 2}
            onPress={() => setCursors((list) => list.slice(0, -1))}
          >
            {t('common.previous')}
          </Button>
          <span aria-live="polite">{t('common.pageNumber', { page: cursors.length })}</span>
          <Button
            className="button button--secondary"
            isDisabled={!nextCursor || runs.isFetching}
            onPress={() => nextCursor && setCursors((list) => [...list, nextCursor])}
          >
            {t('common.next')}
          </Button>
        </nav>
      ) : null}
    </section>
  );
}
