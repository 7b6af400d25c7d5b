import type { AdminPersonDetail } from '@preau/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatDateTime } from '../../../lib/format';

const KNOWN_SOURCES = ['siecle', 'sts', 'aaf', 'csv', 'oneroster'];

/** Identity, classes and groups, relatives or children of one account. */
export function PersonDetails({ person }: { person: AdminPersonDetail }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const none = t('admin.person.none');
  const source = KNOWN_SOURCES.includes(person.source) ? person.source : 'other';
  const related = (list: AdminPersonDetail['relatives'], title: string, id: string) =>
    list.length === 0 ? null : (
      <section aria-labelledby={id} className="admin-section">
        <h2 id={id}>{title}</h2>
        <ul className="plain-list">
          {list.map((r) => (
            <li key={r.id}>
              <Link to={`/admin/personnes/${encodeURIComponent(r.id)}`}>{r.displayName}</Link>
              {' — '}
              {[
                r.relationship,
                r.legalGuardian ? t('admin.person.legalGuardian') : t('admin.person.notGuardian'),
                ...r.classes.map((c) => c.name),
                r.email,
                r.phone,
              ]
                .filter(Boolean)
                .join(', ')}
            </li>
          ))}
        </ul>
      </section>
    );
  return (
    <>
      <section aria-labelledby="identity-title" className="admin-section">
        <h2 id="identity-title">{t('admin.person.identity')}</h2>
        <dl className="details">
          <dt>{t('admin.person.login')}</dt>
          <dd className="code">{person.login}</dd>
          <dt>{t('admin.person.state')}</dt>
          <dd data-account-state={person.state}>{t(`admin.states.${person.state}`)}</dd>
          {person.activationExpiresAt ? (
            <>
              <dt>{t('admin.person.activationUntil')}</dt>
              <dd>{formatDateTime(person.activationExpiresAt)}</dd>
            </>
          ) : null}
          <dt>{t('admin.person.profiles')}</dt>
          <dd>{person.profiles.map((p) => t(`profiles.${p}`)).join(', ') || none}</dd>
          <dt>{t('admin.person.functions')}</dt>
          <dd>{person.functions.map((f) => t(`functions.${f}`)).join(', ') || none}</dd>
          <dt>{t('admin.person.birthDate')}</dt>
          <dd>{person.birthDate ?? none}</dd>
          <dt>{t('admin.person.email')}</dt>
          <dd>{person.email ?? none}</dd>
          <dt>{t('admin.person.phone')}</dt>
          <dd>{person.phone ?? none}</dd>
          {person.nationalId ? (
            <>
              <dt>{t('admin.person.nationalId')}</dt>
              <dd className="code">{person.nationalId}</dd>
            </>
          ) : null}
          <dt>{t('admin.person.source')}</dt>
          <dd>{t(`admin.person.sources.${source}`)}</dd>
        </dl>
        {person.otherEstablishments > 0 ? <p className="muted">{t('admin.person.otherEstablishments', { count: person.otherEstablishments })}</p> : null}
      </section>
      <section aria-labelledby="groups-title" className="admin-section">
        <h2 id="groups-title">{t('admin.person.groups')}</h2>
        {person.groups.length === 0 ? (
          <p>{t('admin.person.noGroups')}</p>
        ) : (
          <ul className="plain-list">
            {person.groups.map((g) => (
              <li key={`${g.id}-${g.role}`}>
                <Link to={`/admin/classes/${encodeURIComponent(g.id)}`}>{g.name}</Link>
                {' — '}
                {[
                  t(`admin.structures.kinds.${g.kind}`),
                  g.role === 'student' ? t('admin.person.asStudent') : t('admin.person.asTeacher'),
                  g.headTeacher ? t('admin.person.headTeacher') : null,
                  g.subjects.join(', ') || null,
                  g.managedBy ? t('admin.person.managedBy', { source: g.managedBy.toUpperCase() }) : t('admin.person.manual'),
                ]
                  .filter(Boolean)
                  .join(', ')}
              </li>
            ))}
          </ul>
        )}
      </section>
      {related(person.relatives, t('admin.person.relatives'), 'relatives-title')}
      {related(person.children, t('admin.person.children'), 'children-title')}
    </>
  );
}
