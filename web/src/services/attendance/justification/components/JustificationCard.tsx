import type { JustificationRecord } from '@preau/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatDateTime } from '../../../../lib/format';
import { documentUrl } from '../api';

/** One justification or declaration: period, reason, comment, document, state and its history. */
export function JustificationCard({ record, establishmentId, children }: { record: JustificationRecord; establishmentId: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  return (
    <li className="card justification-card" data-justification={record.id}>
      <h3>
        {record.kind === 'declaration' ? t('justification.queue.declaration') : t('justification.queue.justification')} · {record.student.name}
      </h3>
      <p>
        {t('justification.queue.period', { from: formatDateTime(record.startsAt), to: formatDateTime(record.endsAt) })}
        {record.reason ? ` · ${t('justification.reasonShown', { reason: record.reason.name })}` : null}
      </p>
      {record.comment ? <p className="justification-card__comment">{record.comment}</p> : null}
      {record.file ? (
        <p>
          <a href={documentUrl(establishmentId, record.id)}>
            {t('justification.download')} ({record.file.name})
          </a>
        </p>
      ) : null}
      <p>
        <span className={`justification-state justification-state--${record.state}`}>{t(`justification.state.${record.state}`)}</span>
        {record.decisionComment ? <span> · {t('justification.decision', { comment: record.decisionComment })}</span> : null}
      </p>
      {record.events.length > 1 || record.kind === 'declaration' ? (
        <details>
          <summary>{t('justification.queue.covers')}</summary>
          <ul>
            {record.events.map((e) => (
              <li key={e.id}>
                {t(`justification.kind.${e.kind}`)} · {formatDateTime(e.startsAt)} · {t(`justification.state.${e.justification}`)}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <ol className="justification-history">
        {record.history.map((h, i) => (
          // The history only grows: its position is a stable key.
          // biome-ignore lint/suspicious/noArrayIndexKey: append-only list
          <li key={i}>
            {formatDateTime(h.at)} — {t(`justification.step.${h.action}`)}
            {h.actor ? ` (${h.actor.name})` : null}
            {h.comment ? ` : ${h.comment}` : null}
          </li>
        ))}
      </ol>
      {children}
    </li>
  );
}
