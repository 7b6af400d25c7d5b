import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/error-messages';
import { BusyButton } from '../../../lib/ui/BusyButton';
import { Notice } from '../../../lib/ui/Notice';
import { useFeed } from '../api';

/** The secret iCalendar link: shown on request, renewable (the old one dies), revocable. */
export function CalendarFeedPanel() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { feed, renew, revoke } = useFeed();
  const url = feed.data?.url;
  const error = feed.error ?? renew.error ?? revoke.error;
  return (
    <section className="card feed" aria-labelledby="feed-title">
      <h2 id="feed-title">{t('timetable.feed.title')}</h2>
      <p>{t('timetable.feed.intro')}</p>
      {url ? (
        <div className="field">
          <label className="field__label" htmlFor="feed-url">
            {t('timetable.feed.label')}
          </label>
          <input id="feed-url" className="field__input code" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
        </div>
      ) : null}
      {revoke.isSuccess && !url ? <Notice tone="success">{t('timetable.feed.revoked')}</Notice> : null}
      {error ? <Notice tone="error">{errorMessage(error)}</Notice> : null}
      <div className="form-actions">
        {!url ? (
          <BusyButton className="button button--secondary" busy={feed.isFetching} onPress={() => feed.refetch()}>
            {t('timetable.feed.show')}
          </BusyButton>
        ) : (
          <>
            <BusyButton className="button button--secondary" busy={renew.isPending} onPress={() => renew.mutate()} aria-describedby="feed-renew-help">
              {t('timetable.feed.renew')}
            </BusyButton>
            <BusyButton className="button button--danger" busy={revoke.isPending} onPress={() => revoke.mutate()}>
              {t('timetable.feed.revoke')}
            </BusyButton>
            <p id="feed-renew-help" className="muted">
              {t('timetable.feed.renewHelp')}
            </p>
          </>
        )}
      </div>
    </section>
  );
}
