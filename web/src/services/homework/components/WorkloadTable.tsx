import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/error-messages';
import { useFormatDate } from '../../../lib/format';
import { Notice } from '../../../lib/ui/Notice';
import { useWorkload } from '../api';

const today = () => new Date().toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** Work due per day over the next four weeks, for the class and the groups its students share. */
export function WorkloadTable({ establishmentId, groupId }: { establishmentId: string; groupId: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const formatDate = useFormatDate();
  const load = useWorkload(establishmentId, groupId, today(), inDays(27));
  return (
    <section className="workload" aria-labelledby="workload-title">
      <h2 id="workload-title">{t('homework.workload.title')}</h2>
      {load.isError ? <Notice tone="error">{errorMessage(load.error)}</Notice> : null}
      {load.data && load.data.days.length === 0 ? <p className="muted">{t('homework.workload.empty')}</p> : null}
      {load.data && load.data.days.length > 0 ? (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">{t('homework.workload.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('homework.workload.day')}</th>
                <th scope="col">{t('homework.workload.count')}</th>
                <th scope="col">{t('homework.workload.minutes')}</th>
                <th scope="col">{t('homework.workload.tests')}</th>
              </tr>
            </thead>
            <tbody>
              {load.data.days.map((d) => (
                <tr key={d.date} className={d.tests >= 2 ? 'workload__busy' : undefined}>
                  <th scope="row">{formatDate(d.date)}</th>
                  <td>{d.count}</td>
                  <td>{d.minutes ? `${d.minutes} min` : '—'}</td>
                  <td>{d.tests}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
