import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOptionalSession } from '../../../app/session';
import { useUnreadQuery } from '../api';
import { titleFor } from '../event-types';
import { useLiveNotifications } from '../live';
import '../timeline.css';

/**
 * The header's bell: unread count (its accessible name says it), a link to the timeline, and a
 * polite announcement of each notification that arrives live.
 */
export function Bell() {
  const { t } = useTranslation();
  const session = useOptionalSession();
  const enabled = !!session?.can('notifications.use');
  const unread = useUnreadQuery(enabled);
  const live = useLiveNotifications(enabled);
  if (!enabled) return null;
  const count = unread.data?.unread ?? 0;
  return (
    <>
      <Link to="/#fil" className="bell" aria-label={count > 0 ? t('timeline.bellUnread', { count }) : t('timeline.bell')}>
        <svg className="bell__icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
          <path
            d="M12 3a6 6 0 0 0-6 6v3.6l-1.7 2.9A1 1 0 0 0 5.2 17h13.6a1 1 0 0 0 .9-1.5L18 12.6V9a6 6 0 0 0-6-6Zm0 19a3 3 0 0 0 2.8-2H9.2A3 3 0 0 0 12 22Z"
            fill="currentColor"
          />
        </svg>
        {count > 0 ? (
          <span className="bell__count" aria-hidden="true">
            {count > 99 ? '99+' : count}
          </span>
        ) : null}
      </Link>
      <span className="visually-hidden" role="status" aria-live="polite">
        {live.lastArrival ? t('timeline.live', { title: titleFor(t, live.lastArrival) }) : ''}
      </span>
    </>
  );
}
