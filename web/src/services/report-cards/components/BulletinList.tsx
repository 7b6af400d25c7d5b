import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/error-messages';
import { Notice } from '../../../lib/ui/Notice';
import { Loading } from '../../../lib/ui/Page';
import { reportCardPdfUrl, useReportCardList } from '../api';

/** A student's published bulletins, newest period first, each a PDF link. */
export function BulletinList({ establishmentId, studentId, title }: { establishmentId: string; studentId: string; title: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const list = useReportCardList(establishmentId, studentId);
  return (
    <section className="card report-cards" aria-labelledby="bulletins-list">
      <h2 id="bulletins-list">{title}</h2>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <Notice tone="error">{errorMessage(list.error)}</Notice> : null}
      {list.data && list.data.reportCards.length === 0 ? <p className="muted">{t('reportCards.none')}</p> : null}
      {list.data && list.data.reportCards.length > 0 ? (
        <ul className="report-cards__list">
          {list.data.reportCards.map((r) => (
            <li key={r.councilId}>
              <a href={reportCardPdfUrl(establishmentId, studentId, r.councilId)} download>
                {t('reportCards.pdf', { period: r.period.name, group: r.group.name })}
              </a>
              {r.published ? null : <span className="muted"> ({t('reportCards.notYet')})</span>}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
