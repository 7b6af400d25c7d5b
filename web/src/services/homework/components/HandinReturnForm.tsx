import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/error-messages';
import { BusyButton } from '../../../lib/ui/BusyButton';
import { Notice } from '../../../lib/ui/Notice';
import { useReturnCorrection } from '../handins.api';

/** A teacher's correction: a comment and optionally a file, for one student or (studentId null) for all. */
export function HandinReturnForm({ establishmentId, homeworkId, studentId, label, submitLabel }: { establishmentId: string; homeworkId: string; studentId: string | null; label: string; submitLabel: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const id = useId();
  const [comment, setComment] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const send = useReturnCorrection(establishmentId, homeworkId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (send.isPending) return;
    send.mutate({ studentId, comment, file }, { onSuccess: () => setComment('') });
  };
  return (
    <form className="handin-return" onSubmit={submit}>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-comment`}>
          {label}
        </label>
        <textarea id={`${id}-comment`} className="field__input" rows={2} maxLength={5000} value={comment} onChange={(e) => setComment(e.target.value)} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-file`}>
          {t('homework.handin.correctionFile')}
        </label>
        <input id={`${id}-file`} type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </div>
      <BusyButton type="submit" className="button" busy={send.isPending}>
        {submitLabel}
      </BusyButton>
      {send.isError ? <Notice tone="error">{errorMessage(send.error)}</Notice> : null}
      {send.isSuccess ? <Notice tone="success">{t('homework.handin.returned')}</Notice> : null}
    </form>
  );
}
