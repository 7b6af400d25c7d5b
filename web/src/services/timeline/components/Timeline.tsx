import { NOTIFICATION_SERVICES, type NotificationService, type TimelineItem } from '@preau/contracts';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useErrorMessage } from '../../../lib/error-messages';
import { useFormatDateTime } from '../../../lib/format';
import { BusyButton } from '../../../lib/ui/BusyButton';
import { Notice } from '../../../lib/ui/Notice';
import { Loading } from '../../../lib/ui/Page';
import { SelectInput } from '../../../lib/ui/SelectInput';
import { useMarkRead, useTimelineQuery, useUnreadQuery } from '../api';
import { linkFor, titleFor } from '../event-types';
import '../timeline.css';

function Item({ item }: { item: TimelineItem }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const markRead = useMarkRead();
  const title = titleFor(t, item);
  const link = linkFor(item);
  return (
    <li className={`timeline__item${item.read ? '' : ' timeline__item--unread'}`}>
      <div>
        <p className="timeline__title">
          {link ? (
            // Opening the item reads it.
            <Link to={link} onClick={() => (item.read ? undefined : markRead.mutate({ ids: [item.id] }))}>
              {title}
            </Link>
          ) : (
            title
          )}
          {item.read ? null : <span className="timeline__unread"> · {t('timeline.unreadMark')}</span>}
        </p>
        <p className="timeline__meta">
          <span className="timeline__service">{t(`timeline.services.${item.service}`)}</span>
          {item.actor ? ` · ${t('timeline.by', { name: item.actor.displayName })}` : null} · <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time>
        </p>
      </div>
      {item.read ? null : (
        <BusyButton className="button button--quiet" busy={markRead.isPending} aria-label={t('timeline.markReadNamed', { title })} onPress={() => markRead.mutate({ ids: [item.id] })}>
          {t('timeline.markRead')}
        </BusyButton>
      )}
    </li>
  );
}

/** The home page's timeline: filter by service, newest first, "show more", mark read; updated live. */
export function Timeline() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [service, setService] = useState<NotificationService | null>(null);
  const timeline = useTimelineQuery(service);
  const unread = useUnreadQuery(true);
  const markAll = useMarkRead();
  const items = timeline.data?.pages.flatMap((p) => p.items) ?? [];
  const unreadHere = service ? (unread.data?.byService[service] ?? 0) : (unread.data?.unread ?? 0);
  const options = [
    { id: 'all', label: t('timeline.allServices') },
    ...NOTIFICATION_SERVICES.map((s) => {
      const n = unread.data?.byService[s] ?? 0;
      return { id: s, label: n > 0 ? `${t(`timeline.services.${s}`)} (${n})` : t(`timeline.services.${s}`) };
    }),
  ];
  return (
    <section aria-labelledby="fil" className="timeline">
      <h2 id="fil" tabIndex={-1}>
        {t('timeline.title')}
      </h2>
      <p className="muted">{t('timeline.intro')}</p>
      <div className="timeline__toolbar">
        <SelectInput label={t('timeline.filterLabel')} options={options} value={service ?? 'all'} onChange={(id) => setService(id === 'all' ? null : (id as NotificationService))} />
        <div className="timeline__actions">
          {unreadHere > 0 ? (
            <BusyButton className="button button--secondary" busy={markAll.isPending} onPress={() => markAll.mutate(service ? { all: true, service } : { all: true })}>
              {t('timeline.markAllRead')}
            </BusyButton>
          ) : null}
          <Link to="/notifications">{t('timeline.preferences')}</Link>
        </div>
      </div>
      {timeline.isPending ? <Loading /> : null}
      {timeline.isError ? <Notice tone="error">{errorMessage(timeline.error)}</Notice> : null}
      {markAll.isError ? <Notice tone="error">{errorMessage(markAll.error)}</Notice> : null}
      {timeline.isSuccess && items.length === 0 ? <p>{service ? t('timeline.emptyFiltered') : t('timeline.empty')}</p> : null}
      {items.length > 0 ? (
        <ul className="timeline__list">
          {items.map((item) => (
            <Item key={item.id} item={item} />
          ))}
        </ul>
      ) : null}
      {timeline.hasNextPage ? (
        <Button className="button button--secondary timeline__more" isDisabled={timeline.isFetchingNextPage} onPress={() => timeline.fetchNextPage()}>
          {t('timeline.showMore')}
        </Button>
      ) : null}
    </section>
  );
}
