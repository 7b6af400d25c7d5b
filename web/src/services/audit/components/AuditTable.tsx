import type { AuditPage } from '@preau/contracts';
import { useTranslation } from 'react-i18next';
import { useFormatDateTime } from '../../../lib/format';

function formatDetails(details: Record<string, unknown>): string {
  const entries = Object.entries(details);
  return entries.length ? entries.map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`).join(' · ') : '—';
}

/** A plain semantic table: read-only data needs no grid keyboard model. */
export function AuditTable({ entries }: { entries: AuditPage['items'] }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  return (
    // Focusable so keyboard users can scroll it on narrow screens (axe: scrollable-region-focusable).
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="table-scroll" tabIndex={0} aria-label={t('audit.table.scrollHint')}>
      <table className="table">
        <caption className="visually-hidden">{t('audit.table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.table.at')}</th>
            <th scope="col">{t('audit.table.action')}</th>
            <th scope="col">{t('audit.table.actor')}</th>
            <th scope="col">{t('audit.table.target')}</th>
            <th scope="col">{t('audit.table.establishment')}</th>
            <th scope="col">{t('audit.table.ip')}</th>
            <th scope="col">{t('audit.table.details')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.length === 0 ? (
            <tr>
              <td colSpan={7}>{t('audit.table.empty')}</td>
            </tr>
          ) : (
            entries.map((entry) => (
              <tr key={entry.id} data-entry-id={entry.id}>
                <td>
                  <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
                </td>
                <td>
                  <code>{entry.action}</code>
                </td>
                <td>{entry.actorLogin ?? entry.actorId ?? '—'}</td>
                <td>{entry.targetId ?? '—'}</td>
                <td>{entry.establishmentId ?? '—'}</td>
                <td>{entry.ip ?? '—'}</td>
                <td className="table__details">{formatDetails(entry.details)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </section>
  );
}
