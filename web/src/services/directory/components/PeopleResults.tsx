import type { DirectoryPerson } from '@preau/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/error-messages';
import { Notice } from '../../../lib/ui/Notice';
import { Loading } from '../../../lib/ui/Page';
import type { usePeopleQuery } from '../api';
import { PersonCard } from './PersonCard';
import { BusyButton } from '../../../lib/ui/BusyButton';

type PeopleResultsProps = {
  query: ReturnType<typeof usePeopleQuery>;
  actions?: (person: DirectoryPerson) => ReactNode;
};

/** The list of people found, a polite count for screen readers, and "Afficher plus". */
export function PeopleResults({ query, actions }: PeopleResultsProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const people = query.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section aria-labelledby="results-title" className="results">
      <h2 id="results-title">{t('directory.results.title')}</h2>
      <p role="status" className="results__count">
        {query.data
          ? people.length === 0
            ? t('directory.results.empty')
            : `${t('directory.results.count', { count: people.length })}${query.hasNextPage ? ` ${t('directory.results.more')}` : ''}`
          : ''}
      </p>
      {query.isPending && query.fetchStatus !== 'idle' ? <Loading /> : null}
      {query.error ? <Notice tone="error">{errorMessage(query.error)}</Notice> : null}
      {people.length > 0 ? (
        <ul className="people">
          {people.map((person) => (
            <li key={person.id}>
              <PersonCard person={person} actions={actions?.(person)} />
            </li>
          ))}
        </ul>
      ) : null}
      {query.hasNextPage ? (
        <BusyButton
          className="button button--secondary"
          onPress={() => query.fetchNextPage()}
          busy={query.isFetchingNextPage}
        >
          {t('common.showMore')}
        </BusyButton>
      ) : null}
    </section>
  );
}
