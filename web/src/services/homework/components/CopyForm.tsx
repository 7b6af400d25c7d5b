import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/error-messages';
import { BusyButton } from '../../../lib/ui/BusyButton';
import { Notice } from '../../../lib/ui/Notice';
import { SelectInput } from '../../../lib/ui/SelectInput';
import { TextInput } from '../../../lib/ui/TextInput';
import { useCopySequence } from '../api';

type Group = { id: string; name: string; writableSubjects: { id: string; name: string }[] };

/** A sequence of one subject copied to another class (or next year's), dates shifted alike. */
export function CopyForm({ establishmentId, fromGroupId, subjects, groups }: { establishmentId: string; fromGroupId: string; subjects: { id: string; name: string }[]; groups: Group[] }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const titleId = useId();
  const copy = useCopySequence(establishmentId);
  const [subjectId, setSubjectId] = useState(subjects[0]?.id ?? '');
  const targets = groups.filter((g) => g.writableSubjects.some((s) => s.id === subjectId));
  const [toGroupId, setToGroupId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [toDate, setToDate] = useState('');
  const target = targets.find((g) => g.id === toGroupId)?.id ?? targets.find((g) => g.id !== fromGroupId)?.id ?? targets[0]?.id ?? '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!copy.isPending && target) copy.mutate({ fromGroupId, subjectId, from, to, toGroupId: target, toDate });
  };
  return (
    <details className="disclosure copy-form">
      <summary id={titleId}>{t('homework.copy.title')}</summary>
      <form className="form" onSubmit={submit} aria-labelledby={titleId}>
        <p className="muted">{t('homework.copy.help')}</p>
        <div className="entry-form__row">
          <SelectInput label={t('homework.copy.subject')} value={subjectId} onChange={setSubjectId} options={subjects.map((s) => ({ id: s.id, label: s.name }))} />
          <TextInput label={t('homework.copy.from')} type="date" value={from} onChange={setFrom} isRequired />
          <TextInput label={t('homework.copy.to')} type="date" value={to} onChange={setTo} isRequired />
        </div>
        <div className="entry-form__row">
          <SelectInput label={t('homework.copy.target')} value={target} onChange={setToGroupId} options={targets.map((g) => ({ id: g.id, label: g.name }))} />
          <TextInput label={t('homework.copy.toDate')} type="date" value={toDate} onChange={setToDate} isRequired />
        </div>
        {copy.isError ? <Notice tone="error">{errorMessage(copy.error)}</Notice> : null}
        {copy.data ? <Notice tone="success">{t('homework.copy.done', copy.data)}</Notice> : null}
        <div className="form-actions">
          <BusyButton type="submit" className="button button--secondary" busy={copy.isPending}>
            {t('homework.copy.submit')}
          </BusyButton>
        </div>
      </form>
    </details>
  );
}
