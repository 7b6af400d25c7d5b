import type { AddressView, MessageView } from '@preau/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useSession } from '../../../app/session';
import { useErrorMessage } from '../../../lib/error-messages';
import { useFormatDateTime } from '../../../lib/format';
import { Notice } from '../../../lib/ui/Notice';
import { Loading, Page } from '../../../lib/ui/Page';
import { SelectInput } from '../../../lib/ui/SelectInput';
import { attachmentUrl, deleteMessage, markRead, moveMessage, useMailbox, useRefreshMailbox, useThread } from '../api';
import { formatSize } from '../components/format-size';
import { Receipts } from '../components/Receipts';
import '../messaging.css';

function Addresses({ label, list }: { label: string; list: AddressView[] }) {
  if (list.length === 0) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{list.map((a) => a.label).join(', ')}</dd>
    </>
  );
}

function MessageArticle({ establishmentId, message, focused }: { establishmentId: string; message: MessageView; focused: boolean }) {
  const { t, i18n } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const when = message.sentAt ?? message.updatedAt;
  return (
    <article className={`message card${focused ? ' message--focused' : ''}`} aria-labelledby={`m-${message.id}`} data-message={message.id}>
      <h2 id={`m-${message.id}`} className="message__subject">
        {message.subject || t('messaging.list.noSubject')}
      </h2>
      <dl className="details message__head">
        <dt>{t('messaging.thread.from')}</dt>
        <dd>{message.from.displayName}</dd>
        <Addresses label={t('messaging.thread.to')} list={message.to} />
        <Addresses label={t('messaging.thread.cc')} list={message.cc} />
        <Addresses label={t('messaging.thread.bcc')} list={message.bcc} />
      </dl>
      <p className="muted">
        <time dateTime={when}>{message.sentAt ? t('messaging.thread.sentAt', { date: formatDateTime(when) }) : t('messaging.thread.draftSaved', { date: formatDateTime(when) })}</time>
      </p>
      {message.noReply ? <Notice tone="info">{t('messaging.thread.noReply')}</Notice> : null}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: the server sanitised the body (allow-listed tags, safe links only) before storing it */}
      <div className="message__body" dangerouslySetInnerHTML={{ __html: message.body }} />
      {message.attachments.length > 0 ? (
        <section className="message__attachments" aria-label={t('messaging.thread.attachments')}>
          <ul className="plain-list">
            {message.attachments.map((f) => (
              <li key={f.id}>
                <a href={attachmentUrl(establishmentId, f.id)} download={f.name}>
                  {t('messaging.thread.download', { name: f.name, size: formatSize(f.size, i18n.language) })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {message.role === 'author' && message.state === 'sent' ? <Receipts establishmentId={establishmentId} messageId={message.id} /> : null}
    </article>
  );
}

/** /messagerie/message/:messageId (or /messagerie/conversation/:conversationId, from the timeline) — the conversation, the opened message last in focus, and what can be done with it. */
export function ThreadPage() {
  const { t } = useTranslation();
  const params = useParams();
  const navigate = useNavigate();
  const { membership } = useSession();
  const errorMessage = useErrorMessage();
  const establishmentId = membership?.establishment.id ?? null;
  const thread = useThread(establishmentId, params.messageId, params.conversationId);
  const messageId = params.messageId ?? thread.data?.focusId;
  const mailbox = useMailbox(establishmentId);
  const refresh = useRefreshMailbox();
  const [status, setStatus] = useState('');
  const [destination, setDestination] = useState('inbox');
  const focus = thread.data?.messages.find((m) => m.id === messageId);
  const back = (folder: string | undefined) => (!folder || folder === 'inbox' ? '/messagerie' : `/messagerie/dossier/${encodeURIComponent(folder)}`);

  const act = useMutation({
    mutationFn: async (action: 'delete' | 'unread' | 'move' | 'restore') => {
      const id = messageId as string;
      const at = establishmentId as string;
      if (action === 'delete') return (await deleteMessage(at, id)).outcome;
      if (action === 'unread') await markRead(at, id, false);
      if (action === 'move') await moveMessage(at, id, destination);
      if (action === 'restore') await moveMessage(at, id, 'inbox');
      return action;
    },
    onSuccess: async (outcome) => {
      await refresh();
      const notice = t(`messaging.thread.${outcome === 'unread' ? 'unreadDone' : outcome === 'move' || outcome === 'restore' ? 'moved' : outcome}`);
      if (outcome === 'move' || outcome === 'restore') setStatus(notice);
      else navigate(back(focus?.folder === 'trash' ? 'trash' : focus?.folder), { state: { notice } });
    },
  });

  if (!establishmentId) return <Page title={t('messaging.title')}><Notice tone="info">{t('messaging.noAccess')}</Notice></Page>;
  if (thread.isPending) return <Page title={t('messaging.title')}><Loading /></Page>;
  if (thread.isError) return <Page title={t('messaging.title')}><Notice tone="error">{errorMessage(thread.error)}</Notice></Page>;
  const { conversation, messages } = thread.data;
  const folders = [
    { id: 'inbox', label: t('messaging.folders.inbox') },
    ...(mailbox.data?.folders ?? []).map((f) => ({ id: f.id, label: f.name ?? f.id })),
  ];
  const replyTo = focus ? `/messagerie/nouveau?reponse=${encodeURIComponent(focus.id)}` : '';
  return (
    <Page title={conversation.subject || t('messaging.list.noSubject')}>
      <p>
        <Link to={back(focus?.folder)}>{t('messaging.thread.back')}</Link>
      </p>
      <p role="status">{status}</p>
      {act.error ? <Notice tone="error">{errorMessage(act.error)}</Notice> : null}
      <div className="thread">
        {messages.map((m) => (
          <MessageArticle key={m.id} establishmentId={establishmentId} message={m} focused={m.id === messageId} />
        ))}
      </div>
      {focus ? (
        <div className="thread__actions">
          {focus.canReply ? (
            <>
              <Link className="button button--primary" to={replyTo}>
                {t('messaging.thread.reply')}
              </Link>
              <Link className="button button--secondary" to={`${replyTo}&tous=1`}>
                {t('messaging.thread.replyAll')}
              </Link>
            </>
          ) : null}
          {focus.state === 'sent' ? (
            <Link className="button button--secondary" to={`/messagerie/nouveau?transfert=${encodeURIComponent(focus.id)}`}>
              {t('messaging.thread.forward')}
            </Link>
          ) : null}
          {focus.role !== 'author' && focus.folder !== 'trash' ? (
            <Button className="button button--quiet" onPress={() => act.mutate('unread')}>
              {t('messaging.thread.markUnread')}
            </Button>
          ) : null}
          {focus.folder === 'trash' ? (
            <Button className="button button--secondary" onPress={() => act.mutate('restore')}>
              {t('messaging.thread.restore')}
            </Button>
          ) : null}
          <Button className="button button--danger" onPress={() => act.mutate('delete')}>
            {focus.folder === 'trash' ? t('messaging.thread.deleteForever') : t('messaging.thread.delete')}
          </Button>
          {focus.state === 'sent' && focus.folder !== 'trash' && folders.length > 1 ? (
            <div className="thread__move">
              <SelectInput label={t('messaging.thread.moveTo')} value={destination} onChange={setDestination} options={folders} />
              <Button className="button button--secondary" onPress={() => act.mutate('move')}>
                {t('messaging.thread.move')}
              </Button>
            </div>
          ) : null}
        </div>
      ) : null}
    </Page>
  );
}
