import type { AttendanceReason } from '@preau/contracts';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../../lib/error-messages';
import { BusyButton } from '../../../../lib/ui/BusyButton';
import { Notice } from '../../../../lib/ui/Notice';
import { SelectInput } from '../../../../lib/ui/SelectInput';
import { TextInput } from '../../../../lib/ui/TextInput';
import { useDeclare } from '../api';
import { parisInstant } from './paris-time';

/** Declares a coming absence: days and times (Paris), a reason and a comment. */
export function DeclareForm({ establishmentId, studentId, reasons }: { establishmentId: string; studentId: string; reasons: AttendanceReason[] }) {
  const { t } = useTranslation();
  const id = useId();
  const errorMessage = useErrorMessage();
  const [fields, setFields] = useState({ startDate: '', startTime: '08:00', endDate: '', endTime: '18:00', comment: '' });
  const [reasonId, setReasonId] = useState(reasons[0]?.id ?? '');
  const [invalid, setInvalid] = useState(false);
  const declare = useDeclare(establishmentId);
  const set = (key: keyof typeof fields) => (value: string) => setFields((f) => ({ ...f, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (declare.isPending) return;
    const startsAt = parisInstant(fields.startDate, fields.startTime);
    const endsAt = parisInstant(fields.endDate || fields.startDate, fields.endTime);
    setInvalid(!startsAt || !endsAt);
    if (!startsAt || !endsAt) return;
    declare.mutate({ studentId, startsAt, endsAt, reasonId, comment: fields.comment || null });
  };
  return (
    <form className="card justification-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('justification.declareTitle')}</h2>
      <p className="muted">{t('justification.declareIntro')}</p>
      <div className="justification-form__grid">
        <TextInput label={t('justification.startDate')} value={fields.startDate} onChange={set('startDate')} isRequired verbatim errorMessage={invalid ? t('justification.badDate') : null} />
        <TextInput label={t('justification.startTime')} value={fields.startTime} onChange={set('startTime')} isRequired verbatim />
        <TextInput label={t('justification.endDate')} value={fields.endDate} onChange={set('endDate')} verbatim />
        <TextInput label={t('justification.endTime')} value={fields.endTime} onChange={set('endTime')} isRequired verbatim />
      </div>
      <SelectInput label={t('justification.reason')} value={reasonId} onChange={setReasonId} options={reasons.map((r) => ({ id: r.id, label: r.label }))} />
      <div className="field">
        <label className="field__label" htmlFor={`${id}-comment`}>
          {t('justification.comment')}
        </label>
        <textarea id={`${id}-comment`} className="field__input" rows={2} maxLength={1000} value={fields.comment} onChange={(e) => set('comment')(e.target.value)} />
      </div>
      <BusyButton type="submit" className="button" busy={declare.isPending}>
        {t('justification.declare')}
      </BusyButton>
      {declare.isError ? <Notice tone="error">{errorMessage(declare.error)}</Notice> : null}
      {declare.isSuccess ? <Notice tone="success">{t('justification.declared')}</Notice> : null}
    </form>
  );
}
