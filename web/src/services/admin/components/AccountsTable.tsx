import type { AdminPerson } from '@preau/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The accounts found: name (link to the detail), login, profiles, class, state, and the row's actions. */
export function AccountsTable({ people, actions }: { people: AdminPerson[]; actions: (person: AdminPerson) => ReactNode }) {
  const { t } = useTranslation();
  const none = t('admin.accounts.none');
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="table-scroll" tabIndex={0} aria-label={t('admin.accounts.scroll')}>
      <table className="table">
        <caption className="visually-hidden">{t('admin.accounts.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.accounts.name')}</th>
            <th scope="col">{t('admin.accounts.login')}</th>
            <th scope="col">{t('admin.accounts.profiles')}</th>
            <th scope="col">{t('admin.accounts.classes')}</th>
            <th scope="col">{t('admin.accounts.stateColumn')}</th>
            <th scope="col">{t('admin.accounts.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {people.length === 0 ? (
            <tr>
              <td colSpan={6}>{t('admin.accounts.empty')}</td>
            </tr>
          ) : (
            people.map((person) => (
              <tr key={person.id} data-person={person.login}>
                <th scope="row">
                  <Link to={`/admin/personnes/${encodeURIComponent(person.id)}`} className="account__name">
                    {person.displayName}
                  </Link>
                </th>
                <td className="code">{person.login}</td>
                <td className="account__profiles">
                  {[...person.profiles.map((p) => t(`profiles.${p}`)), ...person.functions.map((f) => t(`functions.${f}`))].join(', ') || none}
                </td>
                <td>{person.classes.map((c) => c.name).join(', ') || none}</td>
                <td>
                  <span className={`badge badge--${person.state}`} data-account-state={person.state}>
                    {t(`admin.states.${person.state}`)}
                  </span>
                </td>
                <td>
                  <div className="admin-actions">{actions(person)}</div>
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </section>
  );
}
