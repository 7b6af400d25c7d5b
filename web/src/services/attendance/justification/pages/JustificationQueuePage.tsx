import type { JustificationRecord } from '@preau/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../../../app/session';
import { useErrorMessage } from '../../../../lib/error-messages';
import { BusyButton } from '../../../../lib/ui/BusyButton';
import { Notice } from '../../../../lib/ui/Notice';
import { Loading, Page } from '../../../../lib/ui/Page';
import { SelectInput } from '../../../../lib/ui/SelectInput';
import { useDecide, useQueue } from '../api';
import { JustificationCard } from '../components/JustificationCard';
import '../justification.css';

function Decision({ establishmentId, record }: { establishmentId: string; record: JustificationRecord }) {
  const { t } = useTranslation();
  const id = useId();
  const errorMessage = useErrorMessage();
  const [comment, setComment] = useState('');
  const decide = useDecide(establishmentId);
  const send = (decision: 'justified' | 'refused') => decide.mutate({ id: record.id, body: { decision, comment: comment || null } });
  return (
    <div className="justification-decision">
      <div className="field">
        <label className="field__label" htmlFor={`${id}-comment`}>
          {t('justification.queue.comment')}
        </label>
        <textarea id={`${id}-comment`} className="field__input" rows={2} maxLength={1000} value={comment} onChange={(e) => setComment(e.target.value)} />
      </div>
      <div className="justification-card__actions">
        <BusyButton className="button button--primary" busy={decide.isPending} onPress={() => send('justified')}>
          {t('justification.queue.accept')}
        </BusyButton>
        <BusyButton className="button" busy={decide.isPending} onPress={() => send('refused')}>
          {t('justification.queue.refuse')}
        </BusyButton>
      </div>
      {decide.isError ? <Notice tone="error">{errorMessage(decide.error)}</Notice> : null}
    </div>
  );
}

/** Vie scolaire's queue: justifications and declarations to accept or refuse, and those decided. */
export function JustificationQueuePage() {
  const { t } = useTranslation();
  const { membership, can } = useSession();
  const errorMessage = useErrorMessage();
  const establishmentId = membership?.establishment.id ?? null;
  const allowed = establishmentId !== null && can('attendance.manage');
  const [state, setState] = useState('pending');
  const queue = useQueue(allowed ? establishmentId : null, state);
  return (
    <Page
      title={t('justification.queue.title')}
      intro={
        <p>
          {t('justification.queue.intro')} <Link to="/vie-scolaire/statistiques">{t('justification.stats.title')}</Link>
        </p>
      }
    >
      {!allowed ? <Notice tone="info">{t('justification.noAccess')}</Notice> : null}
      {allowed && establishmentId ? (
        <>
          <div className="switcher">
            <SelectInput
              label={t('justification.queue.filter')}
              value={state}
              onChange={setState}
              options={(['pending', 'justified', 'refused'] as const).map((s) => ({ id: s, label: t(`justification.state.${s}`) }))}
            />
          </div>
          {queue.isPending ? <Loading /> : null}
          {queue.isError ? <Notice tone="error">{errorMessage(queue.error)}</Notice> : null}
          {queue.data && queue.data.justifications.length === 0 ? <p className="muted">{t('justification.queue.empty')}</p> : null}
          <ul className="justification-list">
            {queue.data?.justifications.map((j) => (
              <JustificationCard key={j.id} record={j} establishmentId={establishmentId}>
                {j.state === 'pending' ? <Decision establishmentId={establishmentId} record={j} /> : null}
              </JustificationCard>
            ))}
          </ul>
        </>
      ) : null}
    </Page>
  );
}
