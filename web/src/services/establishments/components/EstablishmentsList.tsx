import { type FormEvent, useState } from 'react';
import { Button, Form, Input, Label, SearchField, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/error-messages';
import { Notice } from '../../../lib/ui/Notice';
import { Pager, useCursorPages } from '../../../lib/ui/Pager';
import { Loading } from '../../../lib/ui/Page';
import { useEstablishmentsQuery } from '../api';
import { EstablishmentsTable } from './EstablishmentsTable';

/** Search box, table and pager; the search runs when the form is submitted, not per keystroke. */
export function EstablishmentsList() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState('');
  const pages = useCursorPages();
  const list = useEstablishmentsQuery(q, pages.cursor);
  const nextCursor = list.data?.nextCursor ?? null;
  const search = (value: string) => {
    setQ(value);
    pages.reset();
  };
  const onSubmit = (event?: FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    search(draft);
  };

  return (
    <section aria-labelledby="establishments-list-title">
      <h2 id="establishments-list-title">{t('establishments.table.caption')}</h2>
      <Form className="search-form card" onSubmit={onSubmit} role="search" aria-label={t('establishments.search.legend')}>
        <SearchField className="field" value={draft} onChange={setDraft} onSubmit={() => onSubmit()} name="q">
          <Label className="field__label">{t('establishments.search.label')}</Label>
          <Text slot="description" className="field__description">
            {t('establishments.search.description')}
          </Text>
          <Input className="field__input" />
        </SearchField>
        <Button type="submit" className="button button--primary">
          {t('establishments.search.submit')}
        </Button>
        {q ? (
          <Button
            className="button button--quiet"
            onPress={() => {
              setDraft('');
              search('');
            }}
          >
            {t('establishments.search.clear')}
          </Button>
        ) : null}
      </Form>
      {list.isPending ? <Loading /> : null}
      {list.error ? <Notice tone="error">{errorMessage(list.error)}</Notice> : null}
      {list.data ? <EstablishmentsTable establishments={list.data.items} /> : null}
      <Pager label={t('establishments.table.caption')} pages={pages} nextCursor={nextCursor} busy={list.isFetching} />
    </section>
  );
}
