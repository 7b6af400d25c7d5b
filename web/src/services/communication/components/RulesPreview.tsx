import type { DirectoryPerson } from '@preau/contracts';
import { type FormEvent, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/error-messages';
import { Notice } from '../../../lib/ui/Notice';
import { Loading } from '../../../lib/ui/Page';
import { TextInput } from '../../../lib/ui/TextInput';
import { usePeopleQuery } from '../../directory';
import { usePreview } from '../api';

/** "Who can X write to?": pick a person of the establishment, see what the rules open to them. */
export function RulesPreview({ establishmentId, version }: { establishmentId: string; version: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [q, setQ] = useState('');
  const [search, setSearch] = useState<string | null>(null);
  const [person, setPerson] = useState<DirectoryPerson | null>(null);
  const people = usePeopleQuery(establishmentId, { q: search ?? '', profile: null }, search !== null);
  const preview = usePreview(establishmentId, person?.id ?? null, version);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSearch(q.trim());
  };
  const first = preview.data?.pages[0];
  return (
    <section className="preview card" aria-labelledby="preview-title">
      <h2 id="preview-title">{t('communication.preview.title')}</h2>
      <p>{t('communication.preview.intro')}</p>
      <Form className="search-form" role="search" onSubmit={submit} aria-label={t('communication.preview.title')}>
        <TextInput label={t('communication.preview.search')} value={q} onChange={setQ} name="person" />
        <Button type="submit" className="button button--secondary">
          {t('communication.preview.submit')}
        </Button>
      </Form>
      {people.data ? (
        <ul className="plain-list preview__candidates">
          {people.data.pages
            .flatMap((p) => p.items)
            .slice(0, 10)
            .map((p) => (
              <li key={p.id}>
                <Button className="button button--quiet" onPress={() => setPerson(p)}>
                  {t('communication.preview.choose', { name: p.displayName })}
                </Button>
                <span className="muted"> {p.profiles.map((profile) => t(`profiles.${profile}`)).join(', ')}</span>
              </li>
            ))}
        </ul>
      ) : null}
      {person && preview.isPending ? <Loading /> : null}
      {preview.isError ? <Notice tone="error">{errorMessage(preview.error)}</Notice> : null}
      {first ? (
        <div className="preview__result" aria-live="polite">
          <h3>{t('communication.preview.for', { name: first.person.displayName, count: first.total })}</h3>
          <h4>{t('communication.preview.byProfile')}</h4>
          <ul className="plain-list">
            {Object.entries(first.counts).map(([profile, n]) => (
              <li key={profile}>
                {t(`profiles.${profile}`)} : {n}
              </li>
            ))}
          </ul>
          <h4>{t('communication.preview.groups')}</h4>
          {first.groups.length === 0 ? (
            <p>{t('communication.preview.noGroup')}</p>
          ) : (
            <ul className="plain-list">
              {first.groups.map((g) => (
                <li key={`${g.type}:${g.id}`}>{g.type === 'group_relatives' ? t('communication.preview.relatives', { name: g.name }) : g.name}</li>
              ))}
            </ul>
          )}
          <h4>{t('communication.preview.people')}</h4>
          {first.total === 0 ? <p>{t('communication.preview.nobody')}</p> : null}
          <ul className="plain-list preview__people">
            {preview.data?.pages
              .flatMap((p) => p.people.items)
              .map((p) => (
                <li key={p.id}>
                  {p.displayName} <span className="muted">{[p.profiles.map((profile) => t(`profiles.${profile}`)).join(', '), p.detail].filter(Boolean).join(' · ')}</span>
                </li>
              ))}
          </ul>
          {preview.hasNextPage ? (
            <Button className="button button--secondary" onPress={() => preview.fetchNextPage()}>
              {t('communication.preview.more')}
            </Button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
