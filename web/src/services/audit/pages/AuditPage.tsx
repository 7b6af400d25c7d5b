import { type FormEvent, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session';
import { useErrorMessage } from '../../../lib/error-messages';
import { Notice } from '../../../lib/ui/Notice';
import { Pager, useCursorPages } from '../../../lib/ui/Pager';
import { Loading, Page } from '../../../lib/ui/Page';
import { TextInput } from '../../../lib/ui/TextInput';
import { useAuditQuery } from '../api';
import { AuditTable } from '../components/AuditTable';

export function AuditPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const errorMessage = useErrorMessage();
  const allowed = can('platform.audit.read');
  const [draft, setDraft] = useState('');
  const [action, setAction] = useState('');
  const pages = useCursorPages();
  const cursor = pages.cursor;
  const audit = useAuditQuery(action, cursor, allowed);

  const applyFilter = (value: string) => {
    setAction(value);
    pages.reset();
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    applyFilter(draft);
  };

  if (!allowed) {
    return (
      <Page title={t('audit.title')}>
        <Notice tone="info">{t('audit.noAccess')}</Notice>
      </Page>
    );
  }
  const nextCursor = audit.data?.nextCursor ?? null;
  return (
    <Page title={t('audit.title')} intro={<p>{t('audit.intro')}</p>}>
      <Form className="search-form card" onSubmit={onSubmit} role="search" aria-label={t('audit.filter.legend')}>
        <TextInput
          label={t('audit.filter.action')}
          description={t('audit.filter.actionHint')}
          name="action"
          value={draft}
          onChange={setDraft}
          verbatim
        />
        <Button type="submit" className="button button--primary">
          {t('audit.filter.submit')}
        </Button>
        {action ? (
          <Button
            className="button button--quiet"
            onPress={() => {
              setDraft('');
              applyFilter('');
            }}
          >
            {t('audit.filter.clear')}
          </Button>
        ) : null}
      </Form>
      {audit.isPending ? <Loading /> : null}
      {audit.error ? <Notice tone="error">{errorMessage(audit.error)}</Notice> : null}
      {audit.data ? <AuditTable entries={audit.data.items} /> : null}
      <Pager label={t('audit.table.caption')} pages={pages} nextCursor={nextCursor} busy={audit.isFetching} />
    </Page>
  );
}
