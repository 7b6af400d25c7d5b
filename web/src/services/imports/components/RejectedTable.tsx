import { useTranslation } from 'react-i18next';
import { useCodeLabel } from '../labels';
import type { ImportReport } from '../report';

/** File and line first: that is what the person fixes in their spreadsheet before uploading again. */
export function RejectedTable({ items }: { items: ImportReport['rejected']['items'] }) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="table-scroll" tabIndex={0} aria-label={t('imports.report.scrollHint')}>
      <table className="table">
        <caption className="visually-hidden">{t('imports.report.rejectedCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('imports.report.place')}</th>
            <th scope="col">{t('imports.report.reason')}</th>
            <th scope="col">{t('imports.report.detail')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a line may be rejected twice; the list never reorders
            <tr key={index} data-rejected-line={item.line ?? ''}>
              <td className="code">{item.line === null ? item.file : `${item.file}:${item.line}`}</td>
              <td>{label('imports.report.rejectReasons', item.reason)}</td>
              <td className="table__details" lang="en">
                {item.detail}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
