import type { Establishment } from '@preau/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** A plain semantic table: read-only data needs no grid keyboard model. */
export function EstablishmentsTable({ establishments }: { establishments: Establishment[] }) {
  const { t } = useTranslation();
  const none = t('establishments.table.none');
  return (
    // Focusable so keyboard users can scroll it on narrow screens (axe: scrollable-region-focusable).
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="table-scroll" tabIndex={0} aria-label={t('establishments.table.scrollHint')}>
      <table className="table">
        <caption className="visually-hidden">{t('establishments.table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('establishments.table.uai')}</th>
            <th scope="col">{t('establishments.table.name')}</th>
            <th scope="col">{t('establishments.table.type')}</th>
            <th scope="col">{t('establishments.table.academy')}</th>
            <th scope="col">{t('establishments.table.city')}</th>
            <th scope="col">{t('establishments.admins.column')}</th>
          </tr>
        </thead>
        <tbody>
          {establishments.length === 0 ? (
            <tr>
              <td colSpan={6}>{t('establishments.table.empty')}</td>
            </tr>
          ) : (
            establishments.map((e) => (
              <tr key={e.id} data-uai={e.uai}>
                <td className="code">{e.uai}</td>
                <td>{e.name}</td>
                <td>{t(`establishmentTypes.${e.type}`)}</td>
                <td>{e.academy ?? none}</td>
                <td>{[e.postalCode, e.city].filter(Boolean).join(' ') || none}</td>
                <td>
                  <Link to={`/etablissements/${encodeURIComponent(e.id)}/administrateurs`} aria-label={t('establishments.admins.manageLabel', { name: e.name })}>
                    {t('establishments.admins.manage')}
                  </Link>
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </section>
  );
}
