import type { ImportRun } from '@preau/contracts';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/error-messages';
import { useFormatDateTime } from '../../../lib/format';
import { Notice } from '../../../lib/ui/Notice';
import { Pager, useCursorPages } from '../../../lib/ui/Pager';
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
  const pages = useCursorPages();
  const runs = useRunsQuery(establishmentId, pages.cursor);
  const nextCursor = runs.data?.nextCursor ?? null;
  const summary = (run: ImportRun) => t('imports.history.summaryText', { ...run.summary });

  return (
    <section aria-labelledby="history-title" className="history">
      <h2 id="history-title">{t('imports.history.title')}</h2>
      {runs.isPending ? <Loading /> : null}
      {runs.error ? <Notice tone="error">{errorMessage(runs.error)}</Notice> : null}
      {runs.data && runs.data.items.length === 0 && pages.page === 1 ? <p>{t('imports.history.empty')}</p> : null}
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
      {pages.page > 1 || nextCursor ? (
        <Pager label={t('imports.history.title')} pages={pages} nextCursor={nextCursor} busy={runs.isFetching} />
      ) : null}
    </section>
  );
}
