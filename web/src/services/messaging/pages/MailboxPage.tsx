import { type FormEvent, useState } from 'react';
import { Button, Form, Input, Label, SearchField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useSession } from '../../../app/session';
import { useErrorMessage } from '../../../lib/error-messages';
import { Notice } from '../../../lib/ui/Notice';
import { Loading, Page } from '../../../lib/ui/Page';
import { useMailbox, useMessages } from '../api';
import { EmptyTrash } from '../components/EmptyTrash';
import { FolderNav } from '../components/FolderNav';
import { MessageList } from '../components/MessageList';
import '../messaging.css';

/** /messagerie (inbox) and /messagerie/dossier/:folder: folders beside the list, search above it. */
export function MailboxPage() {
  const { t } = useTranslation();
  const { membership, can } = useSession();
  const errorMessage = useErrorMessage();
  const location = useLocation();
  const folder = useParams().folder ?? 'inbox';
  const establishmentId = membership && can('messaging.use') ? membership.establishment.id : null;
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const mailbox = useMailbox(establishmentId);
  const messages = useMessages(establishmentId, folder, search);
  const notice = (location.state as { notice?: string } | null)?.notice;
  const folderName = mailbox.data?.folders.find((f) => f.id === folder)?.name ?? (['inbox', 'sent', 'drafts', 'trash'].includes(folder) ? t(`messaging.folders.${folder}`) : '');

  if (!establishmentId) return <Page title={t('messaging.title')}><Notice tone="info">{t('messaging.noAccess')}</Notice></Page>;
  const submit = (event?: FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    setSearch(q.trim());
  };
  return (
    <Page title={t('messaging.title')}>
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      <div className="mailbox">
        <div className="mailbox__side">
          <Link to="/messagerie/nouveau" className="button button--primary mailbox__write">
            {t('messaging.write')}
          </Link>
          {mailbox.isPending ? <Loading /> : mailbox.isError ? <Notice tone="error">{errorMessage(mailbox.error)}</Notice> : <FolderNav establishmentId={establishmentId} mailbox={mailbox.data} current={folder} />}
        </div>
        <section className="mailbox__main" aria-labelledby="folder-title">
          <h2 id="folder-title" className="mailbox__title">
            {folderName}
          </h2>
          <Form className="search-form" role="search" onSubmit={submit} aria-label={t('messaging.search.label')}>
            <SearchField className="field" value={q} onChange={setQ} onSubmit={() => submit()} onClear={() => setSearch('')} name="q">
              <Label className="field__label">{t('messaging.search.label')}</Label>
              <Input className="field__input" />
            </SearchField>
            <Button type="submit" className="button button--secondary">
              {t('messaging.search.submit')}
            </Button>
          </Form>
          {folder === 'trash' ? <EmptyTrash establishmentId={establishmentId} hasMessages={(mailbox.data?.system.find((f) => f.id === 'trash')?.total ?? 0) > 0} /> : null}
          {search ? <p className="muted">{t('messaging.search.results', { q: search })}</p> : null}
          <MessageList query={messages} searching={search !== ''} />
        </section>
      </div>
    </Page>
  );
}
