import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/error-messages';
import { BusyButton } from '../../../lib/ui/BusyButton';
import { Notice } from '../../../lib/ui/Notice';
import { Loading } from '../../../lib/ui/Page';
import { useGroupsQuery } from '../../directory';
import { lettersUrl } from '../api';

/**
 * One line per class with its two downloads. Plain links with `download`: the browser saves the
 * file the server names, and the session cookie authenticates the GET.
 */
export function ActivationLetters({ establishmentId }: { establishmentId: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const classes = useGroupsQuery(establishmentId, 'class');
  const items = classes.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section aria-labelledby="letters-title" className="letters">
      <h2 id="letters-title">{t('admin.letters.title')}</h2>
      <p>{t('admin.letters.intro')}</p>
      {classes.isPending ? <Loading /> : null}
      {classes.error ? <Notice tone="error">{errorMessage(classes.error)}</Notice> : null}
      {classes.data && items.length === 0 ? <p>{t('admin.letters.empty')}</p> : null}
      {items.length > 0 ? (
        <ul className="letters__list">
          {items.map((group) => (
            <li key={group.id} className="letters__item" data-group={group.name}>
              <span className="letters__name">{group.name}</span>
              <span className="muted">{t('admin.letters.members', { count: group.memberCount })}</span>
              <span className="letters__links">
                <a href={lettersUrl(establishmentId, group.id, 'pdf')} download>
                  {t('admin.letters.pdf')}{' '}
                  <span className="visually-hidden">{t('admin.letters.forClass', { name: group.name })}</span>
                </a>
                <a href={lettersUrl(establishmentId, group.id, 'csv')} download>
                  {t('admin.letters.csv')}{' '}
                  <span className="visually-hidden">{t('admin.letters.forClass', { name: group.name })}</span>
                </a>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {classes.hasNextPage ? (
        <BusyButton className="button button--secondary" onPress={() => classes.fetchNextPage()} busy={classes.isFetchingNextPage}>
          {t('common.showMore')}
        </BusyButton>
      ) : null}
    </section>
  );
}
