import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useFormatDateTime } from '../../../lib/format';
import { Loading } from '../../../lib/ui/Page';
import { useReceipts } from '../api';

/** For the author of a sent message: how many read it, and who (loaded when opened). */
export function Receipts({ establishmentId, messageId }: { establishmentId: string; messageId: string }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const [open, setOpen] = useState(false);
  const receipts = useReceipts(establishmentId, messageId, open);
  const first = receipts.data?.pages[0];
  return (
    <div className="receipts">
      <Button className="button button--quiet" aria-expanded={open} onPress={() => setOpen(!open)}>
        {t('messaging.thread.receipts')}
        {first ? ` — ${t('messaging.thread.readBy', { read: first.read, total: first.total })}` : ''}
      </Button>
      {open ? (
        receipts.isPending ? (
          <Loading />
        ) : (
          <>
            <p role="status">{first ? t('messaging.thread.readBy', { read: first.read, total: first.total }) : ''}</p>
            <ul className="plain-list receipts__list">
              {receipts.data?.pages
                .flatMap((p) => p.items)
                .map((r) => (
                  <li key={r.person.id} className={r.readAt ? 'receipts__read' : 'receipts__unread'}>
                    {r.person.displayName} — {r.readAt ? t('messaging.thread.readAt', { date: formatDateTime(r.readAt) }) : t('messaging.thread.notRead')}
                  </li>
                ))}
            </ul>
            {receipts.hasNextPage ? (
              <Button className="button button--secondary" onPress={() => receipts.fetchNextPage()}>
                {t('messaging.list.more')}
              </Button>
            ) : null}
          </>
        )
      ) : null}
    </div>
  );
}
