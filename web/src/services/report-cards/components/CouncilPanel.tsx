import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/error-messages';
import { useFormatDateTime } from '../../../lib/format';
import { BusyButton } from '../../../lib/ui/BusyButton';
import { Notice } from '../../../lib/ui/Notice';
import { Loading } from '../../../lib/ui/Page';
import { TextInput } from '../../../lib/ui/TextInput';
import { useCouncilAction, useCouncilSheet } from '../api';
import { CouncilTable } from './CouncilTable';
import { parseWhen } from './format';

type Props = { establishmentId: string; groupId: string; periodId: string; manages: boolean; bulletins: boolean };

/** The class council: its state, the table, and for the head and deputies closing and publication. */
export function CouncilPanel({ establishmentId, groupId, periodId, manages, bulletins }: Props) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const formatDateTime = useFormatDateTime();
  const sheet = useCouncilSheet(establishmentId, groupId, periodId);
  const action = useCouncilAction(establishmentId);
  const [publishAt, setPublishAt] = useState('');
  const [badWhen, setBadWhen] = useState(false);
  if (sheet.isPending) return <Loading />;
  if (sheet.isError) return <Notice tone="error">{errorMessage(sheet.error)}</Notice>;
  const { council } = sheet.data;
  const state = council.published
    ? t('reportCards.state.published', { at: formatDateTime(council.publishAt as string) })
    : council.publishAt
      ? t('reportCards.state.scheduled', { at: formatDateTime(council.publishAt) })
      : t(`reportCards.state.${council.state}`);
  const scope = { groupId, periodId };
  const publish = (event: FormEvent) => {
    event.preventDefault();
    const at = parseWhen(publishAt);
    setBadWhen(at === undefined);
    if (at === undefined || action.isPending) return;
    action.mutate({ action: 'publish', body: { ...scope, publishAt: at } });
  };
  return (
    <div className="report-cards__council">
      <p>
        <strong>{state}</strong>
      </p>
      <CouncilTable establishmentId={establishmentId} sheet={sheet.data} bulletins={bulletins} />
      {manages && council.state === 'open' ? (
        <BusyButton className="button" busy={action.isPending} onPress={() => action.mutate({ action: 'close', body: scope })}>
          {t('reportCards.council.close')}
        </BusyButton>
      ) : null}
      {manages && council.state === 'closed' && !council.published ? (
        <form onSubmit={publish} className="report-cards__publish" aria-label={t('reportCards.council.publish')}>
          <TextInput label={t('reportCards.council.publishAt')} description={t('reportCards.council.publishHelp')} value={publishAt} onChange={setPublishAt} errorMessage={badWhen ? t('reportCards.council.badWhen') : null} />
          <div className="report-cards__actions">
            <BusyButton type="submit" className="button button--primary" busy={action.isPending}>
              {t('reportCards.council.publish')}
            </BusyButton>
            <BusyButton className="button" busy={action.isPending} onPress={() => action.mutate({ action: 'reopen', body: scope })}>
              {t('reportCards.council.reopen')}
            </BusyButton>
          </div>
        </form>
      ) : null}
      {action.isError ? <Notice tone="error">{errorMessage(action.error)}</Notice> : null}
      {action.isSuccess && action.variables?.action === 'close' ? <Notice tone="success">{t('reportCards.council.closed')}</Notice> : null}
      {action.isSuccess && action.variables?.action === 'publish' ? <Notice tone="success">{t('reportCards.council.published')}</Notice> : null}
    </div>
  );
}
