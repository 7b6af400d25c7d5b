import type { AttendanceReason } from '@preau/contracts';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../../lib/error-messages';
import { BusyButton } from '../../../../lib/ui/BusyButton';
import { Notice } from '../../../../lib/ui/Notice';
import { SelectInput } from '../../../../lib/ui/SelectInput';
import { useJustify } from '../api';

/** Sends one justification (reason, comment, optional document) for the selected events. */
export function JustifyForm({ establishmentId, eventIds, reasons, onSent }: { establishmentId: string; eventIds: string[]; reasons: AttendanceReason[]; onSent: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const errorMessage = useErrorMessage();
  const [reasonId, setReasonId] = useState(reasons[0]?.id ?? '');
  const [comment, setComment] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const justify = useJustify(establishmentId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (justify.isPending || eventIds.length === 0) return;
    justify.mutate(
      { eventIds, reasonId, comment, file },
      {
        onSuccess: () => {
          setComment('');
          setFile(null);
          onSent();
        },
      },
    );
  };
  return (
    <form className="card justification-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('justification.justifyTitle')}</h2>
      {eventIds.length === 0 ? <p className="muted">{t('justification.selectFirst')}</p> : null}
      <SelectInput label={t('justification.reason')} value={reasonId} onChange={setReasonId} options={reasons.map((r) => ({ id: r.id, label: r.label }))} />
      <div className="field">
        <label className="field__label" htmlFor={`${id}-comment`}>
          {t('justification.comment')}
        </label>
        <textarea id={`${id}-comment`} className="field__input" rows={3} maxLength={1000} value={comment} onChange={(e) => setComment(e.target.value)} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-file`}>
          {t('justification.document')}
        </label>
        <input id={`${id}-file`} type="file" accept="application/pdf,image/jpeg,image/png,image/webp" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </div>
      <BusyButton type="submit" className="button button--primary" busy={justify.isPending}>
        {t('justification.send')}
      </BusyButton>
      {justify.isError ? <Notice tone="error">{errorMessage(justify.error)}</Notice> : null}
      {justify.isSuccess ? <Notice tone="success">{t('justification.sent')}</Notice> : null}
    </form>
  );
}
