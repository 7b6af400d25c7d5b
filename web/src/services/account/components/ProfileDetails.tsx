import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session';
import { useFormatDate } from '../../../lib/format';

export function ProfileDetails() {
  const { t } = useTranslation();
  const { me } = useSession();
  const formatDate = useFormatDate();
  const notProvided = <span className="muted">{t('account.profile.notProvided')}</span>;
  return (
    <section aria-labelledby="profile-title" className="card">
      <h2 id="profile-title">{t('account.profile.title')}</h2>
      <dl className="details">
        <dt>{t('account.profile.name')}</dt>
        <dd>{me.displayName}</dd>
        <dt>{t('account.profile.login')}</dt>
        <dd>{me.login}</dd>
        <dt>{t('account.profile.email')}</dt>
        <dd>{me.email ?? notProvided}</dd>
        <dt>{t('account.profile.phone')}</dt>
        <dd>{me.phone ?? notProvided}</dd>
        {me.birthDate ? (
          <>
            <dt>{t('account.profile.birthDate')}</dt>
            <dd>{formatDate(me.birthDate)}</dd>
          </>
        ) : null}
        {me.memberships.length > 0 ? (
          <>
            <dt>{t('account.profile.memberships')}</dt>
            <dd>
              <ul className="plain-list">
                {me.memberships.map((m) => (
                  <li key={m.establishment.id}>
                    {m.establishment.name} —{' '}
                    {[
                      ...m.profiles.map((p) => t(`profiles.${p}`)),
                      ...m.functions.map((f) => t(`functions.${f}`)),
                      ...m.groups.filter((g) => g.kind === 'class').map((g) => g.name),
                    ].join(', ')}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>
      <p className="muted">{t('account.profile.correction')}</p>
    </section>
  );
}
