import type { DirectoryPerson } from '@preau/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** One person of the directory; contact details appear only when the server sent them. */
export function PersonCard({ person, actions }: { person: DirectoryPerson; actions?: ReactNode }) {
  const { t } = useTranslation();
  const hasDetails = person.groups.length > 0 || person.subjects.length > 0 || person.email || person.phone;
  const roles = [...person.profiles.map((p) => t(`profiles.${p}`)), ...person.functions.map((f) => t(`functions.${f}`))];
  return (
    <article className="person" aria-labelledby={`person-${person.id}`}>
      <div className="person__main">
        <h3 id={`person-${person.id}`} className="person__name">
          {person.displayName}
        </h3>
        <p className="person__roles">{roles.join(', ')}</p>
        {hasDetails ? (
          <dl className="person__details">
            {person.groups.length > 0 ? (
              <div>
                <dt>{t('directory.person.classes')}</dt>
                <dd>{person.groups.map((g) => g.name).join(', ')}</dd>
              </div>
            ) : null}
            {person.subjects.length > 0 ? (
              <div>
                <dt>{t('directory.person.subjects')}</dt>
                <dd>{person.subjects.join(', ')}</dd>
              </div>
            ) : null}
            {person.email ? (
              <div>
                <dt>{t('directory.person.email')}</dt>
                <dd>
                  <a href={`mailto:${person.email}`}>{person.email}</a>
                </dd>
              </div>
            ) : null}
            {person.phone ? (
              <div>
                <dt>{t('directory.person.phone')}</dt>
                <dd>
                  <a href={`tel:${person.phone.replace(/\s+/g, '')}`}>{person.phone}</a>
                </dd>
              </div>
            ) : null}
          </dl>
        ) : null}
      </div>
      {actions ? <div className="person__actions">{actions}</div> : null}
    </article>
  );
}
