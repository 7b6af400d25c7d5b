import type { DuplicateCandidate, DuplicatePerson } from '@preau/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatDate, useFormatDateTime } from '../../../lib/format';

type Row = { key: string; label: string; value: (p: DuplicatePerson) => ReactNode };

/** The two accounts side by side, one row per field, so differences read across. */
export function ComparisonTable({ candidate }: { candidate: DuplicateCandidate }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const formatDateTime = useFormatDateTime();
  const none = t('duplicates.none');
  const [a, b] = candidate.people;
  const label = (group: string, code: string) => t(`duplicates.${group}.${code}`, { defaultValue: code });
  const rows: Row[] = [
    { key: 'login', label: t('duplicates.fields.login'), value: (p) => p.login },
    { key: 'name', label: t('duplicates.fields.name'), value: (p) => `${p.firstName} ${p.lastName}` },
    { key: 'birthDate', label: t('duplicates.fields.birthDate'), value: (p) => (p.birthDate ? formatDate(p.birthDate) : none) },
    { key: 'nationalId', label: t('duplicates.fields.nationalId'), value: (p) => p.nationalId ?? none },
    {
      key: 'email',
      label: t('duplicates.fields.email'),
      // The server hides an address it may not show; say so rather than pretend there is none.
      value: (p) => p.email ?? (p.emailHidden ? t('duplicates.hidden') : none),
    },
    { key: 'state', label: t('duplicates.fields.state'), value: (p) => label('states', p.state) },
    {
      key: 'establishments',
      label: t('duplicates.fields.establishments'),
      value: (p) =>
        p.establishments.length ? (
          <ul className="plain-list">
            {p.establishments.map((e) => (
              <li key={e.id}>
                {e.name} ({e.uai}) — {e.profiles.map((profile) => label('profiles', profile)).join(', ')}
              </li>
            ))}
          </ul>
        ) : (
          none
        ),
    },
    { key: 'sources', label: t('duplicates.fields.sources'), value: (p) => (p.sources.length ? p.sources.map((s) => label('sources', s)).join(', ') : none) },
    { key: 'createdAt', label: t('duplicates.fields.createdAt'), value: (p) => formatDateTime(p.createdAt) },
  ];
  const heading = (p: DuplicatePerson, n: number) => (
    <>
      {t('duplicates.account', { n })}
      {candidate.keptId === p.id ? <span className="badge badge--active duplicate__kept">{t('duplicates.keptBadge')}</span> : null}
    </>
  );
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="table-scroll" tabIndex={0} aria-label={t('duplicates.comparison', { a: a.login, b: b.login })}>
      <table className="table duplicate__table">
        <caption className="visually-hidden">{t('duplicates.comparison', { a: a.login, b: b.login })}</caption>
        <thead>
          <tr>
            <td />
            <th scope="col">{heading(a, 1)}</th>
            <th scope="col">{heading(b, 2)}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const [left, right] = [row.value(a), row.value(b)];
            const differ = typeof left === 'string' && typeof right === 'string' && left !== right;
            return (
              <tr key={row.key} data-field={row.key} className={differ ? 'duplicate__differs' : undefined}>
                <th scope="row">{row.label}</th>
                <td>{left}</td>
                <td>{right}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
