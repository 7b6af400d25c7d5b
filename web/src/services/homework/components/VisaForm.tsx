import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/error-messages';
import { BusyButton } from '../../../lib/ui/BusyButton';
import { Notice } from '../../../lib/ui/Notice';
import { TextInput } from '../../../lib/ui/TextInput';
import { useVisa } from '../api';

/** The head's or a deputy's dated visa: the sessions up to that date are then locked. */
export function VisaForm({ establishmentId, groupId, subjectId }: { establishmentId: string; groupId: string; subjectId: string | null }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const visa = useVisa(establishmentId);
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const [comment, setComment] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!visa.isPending) visa.mutate({ groupId, subjectId, date, comment });
  };
  return (
    <form className="form card visa-form" onSubmit={submit} aria-labelledby="visa-title">
      <h2 id="visa-title">{t('homework.visa.title')}</h2>
      <TextInput label={t('homework.visa.date')} type="date" value={date} onChange={setDate} isRequired />
      <TextInput label={t('homework.visa.comment')} value={comment} onChange={setComment} maxLength={2000} />
      {visa.isError ? <Notice tone="error">{errorMessage(visa.error)}</Notice> : null}
      {visa.isSuccess ? <Notice tone="success">{t('homework.visa.done')}</Notice> : null}
      <div className="form-actions">
        <BusyButton type="submit" className="button button--primary" busy={visa.isPending}>
          {t('homework.visa.submit')}
        </BusyButton>
      </div>
    </form>
  );
}
