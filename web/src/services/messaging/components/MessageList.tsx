import type { MessageSummary, MessagesPage } from '@preau/contracts';
import type { UseInfiniteQueryResult, InfiniteData } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useErrorMessage } from '../../../lib/error-messages';
import { useFormatDateTime } from '../../../lib/format';
import { Notice } from '../../../lib/ui/Notice';
import { Loading } from '../../../lib/ui/Page';

function target(m: MessageSummary): string {
  return m.state === 'draft' ? `/messagerie/nouveau?brouillon=${encodeURIComponent(m.id)}` : `/messagerie/message/${encodeURIComponent(m.id)}`;
}

/** One folder's messages, newest first: a list of links (one per message), unread ones in bold. */
export function MessageList({ query, searching }: { query: UseInfiniteQueryResult<InfiniteData<MessagesPage>>; searching: boolean }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const errorMessage = useErrorMessage();
  if (query.isPending) return <Loading />;
  if (query.isError) return <Notice tone="error">{errorMessage(query.error)}</Notice>;
  const items = query.data.pages.flatMap((p) => p.items);
  if (items.length === 0) return <p className="messages__empty">{searching ? t('messaging.list.emptySearch') : t('messaging.list.empty')}</p>;
  return (
    <>
      <ul className="messages">
        {items.map((m) => {
          const mine = m.role === 'author';
          const who = mine ? `${t('messaging.list.to')} ${m.to.join(', ') || '—'}` : `${t('messaging.list.from')} ${m.from.displayName}`;
          return (
            <li key={m.id} className={`message-row${m.read ? '' : ' message-row--unread'}`} data-message={m.id}>
              <Link to={target(m)} className="message-row__link">
                <span className="message-row__who">{who}</span>
                <span className="message-row__subject">
                  {m.read ? null : <span className="visually-hidden">{t('messaging.list.unread')}, </span>}
                  {m.subject || t('messaging.list.noSubject')}
                </span>
                <span className="message-row__preview">{m.preview}</span>
              </Link>
              <span className="message-row__meta">
                <time dateTime={m.sentAt ?? m.updatedAt}>{formatDateTime(m.sentAt ?? m.updatedAt)}</time>
                {m.state === 'draft' ? <span className="badge">{t('messaging.list.draft')}</span> : null}
                {m.noReply ? <span className="badge">{t('messaging.list.announcement')}</span> : null}
                {m.hasAttachments ? <span className="badge">{t('messaging.list.attachment')}</span> : null}
                {mine && m.state === 'sent' ? <span className="muted">{t('messaging.list.recipients', { count: m.recipientCount })}</span> : null}
              </span>
            </li>
          );
        })}
      </ul>
      {query.hasNextPage ? (
        <Button className="button button--secondary" onPress={() => query.fetchNextPage()} isDisabled={query.isFetchingNextPage}>
          {t('messaging.list.more')}
        </Button>
      ) : null}
    </>
  );
}
