import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Form } from 'react-aria-components';
import { useErrorMessage } from '../../../lib/error-messages';
import { useFormatDate } from '../../../lib/format';
import { BusyButton } from '../../../lib/ui/BusyButton';
import { CheckboxInput } from '../../../lib/ui/CheckboxInput';
import { Notice } from '../../../lib/ui/Notice';
import { SelectInput } from '../../../lib/ui/SelectInput';
import { TextInput } from '../../../lib/ui/TextInput';
import { useCreateExemption, useDeleteExemption, useExemptions, useGroups, useStudentsOf, useSubjects } from '../api';
import { isIsoDate } from './dates';

/** Vie scolaire exempts a student from a subject (EPS, often) between two dates, and lists and deletes the student's exemptions. */
export function Exemptions({ establishmentId, date }: { establishmentId: string; date: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const formatDate = useFormatDate();
  const groups = useGroups(establishmentId);
  const subjects = useSubjects(establishmentId);
  const [groupId, setGroupId] = useState<string | null>(null);
  const students = useStudentsOf(establishmentId, groupId);
  const [studentId, setStudentId] = useState<string | null>(null);
  const list = useExemptions(establishmentId, studentId);
  const create = useCreateExemption(establishmentId);
  const remove = useDeleteExemption(establishmentId);
  const [subjectId, setSubjectId] = useState<string | null>(null);
  const [startsOn, setStartsOn] = useState(date);
  const [endsOn, setEndsOn] = useState(date);
  const [mustAttend, setMustAttend] = useState(false);
  const [comment, setComment] = useState('');
  const [invalid, setInvalid] = useState(false);

  const studentName = students.data?.items.find((s) => s.id === studentId)?.displayName ?? '';

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    const ok = studentId !== null && subjectId !== null && isIsoDate(startsOn) && isIsoDate(endsOn) && startsOn <= endsOn;
    setInvalid(!ok);
    if (!ok || studentId === null || subjectId === null) return;
    create.mutate({ studentId, subjectId, startsOn, endsOn, mustAttend, comment: comment.trim() || null }, { onSuccess: () => setComment('') });
  };

  return (
    <section aria-labelledby="exemptions-title">
      <h2 id="exemptions-title">{t('attendance.exemptions.title')}</h2>
      <p>{t('attendance.exemptions.intro')}</p>
      <Form onSubmit={onSubmit} aria-label={t('attendance.exemptions.form')} className="grades-entry-section" validationBehavior="aria">
        <h3>{t('attendance.exemptions.form')}</h3>
        <div className="grades-entry__fields">
          <SelectInput
            label={t('attendance.exemptions.group')}
            value={groupId ?? 'none'}
            onChange={(value) => {
              setGroupId(value === 'none' ? null : value);
              setStudentId(null);
            }}
            options={[{ id: 'none', label: t('attendance.exemptions.choose') }, ...(groups.data ?? []).filter((g) => g.kind === 'class').map((g) => ({ id: g.id, label: g.name }))]}
          />
          <SelectInput
            label={t('attendance.exemptions.student')}
            value={studentId ?? 'none'}
            onChange={(value) => setStudentId(value === 'none' ? null : value)}
            options={[{ id: 'none', label: t('attendance.exemptions.choose') }, ...(students.data?.items ?? []).map((s) => ({ id: s.id, label: s.displayName }))]}
          />
          <SelectInput
            label={t('attendance.exemptions.subject')}
            value={subjectId ?? 'none'}
            onChange={(value) => setSubjectId(value === 'none' ? null : value)}
            options={[{ id: 'none', label: t('attendance.exemptions.choose') }, ...(subjects.data ?? []).map((s) => ({ id: s.id, label: s.name }))]}
          />
          <TextInput label={t('attendance.exemptions.startsOn')} value={startsOn} onChange={setStartsOn} verbatim />
          <TextInput label={t('attendance.exemptions.endsOn')} value={endsOn} onChange={setEndsOn} verbatim />
          <CheckboxInput name="mustAttend" label={t('attendance.exemptions.mustAttend')} isSelected={mustAttend} onChange={setMustAttend} />
          <TextInput label={t('attendance.exemptions.comment')} value={comment} onChange={setComment} />
        </div>
        {invalid ? <Notice tone="error">{t('attendance.exemptions.invalid')}</Notice> : null}
        {create.isError ? <Notice tone="error">{errorMessage(create.error)}</Notice> : null}
        {create.isSuccess && !invalid ? <Notice tone="success">{t('attendance.exemptions.done')}</Notice> : null}
        <BusyButton busy={create.isPending} type="submit" className="button button--primary">
          {t('attendance.exemptions.submit')}
        </BusyButton>
      </Form>
      {studentId === null ? <p>{t('attendance.exemptions.pickStudent')}</p> : null}
      {list.isError ? <Notice tone="error">{errorMessage(list.error)}</Notice> : null}
      {remove.isError ? <Notice tone="error">{errorMessage(remove.error)}</Notice> : null}
      {list.data && list.data.exemptions.length === 0 ? <p>{t('attendance.exemptions.none', { name: studentName })}</p> : null}
      {list.data && list.data.exemptions.length > 0 ? (
        <ul className="roll-lessons" aria-label={t('attendance.exemptions.listLabel', { name: studentName })}>
          {list.data.exemptions.map((x) => (
            <li key={x.id} className="roll-lesson">
              <p>
                {t('attendance.exemptions.item', { subject: x.subject.name, from: formatDate(x.startsOn), to: formatDate(x.endsOn) })}
                {x.mustAttend ? ` — ${t('attendance.exemptions.attends')}` : ''}
                {x.comment ? ` — ${x.comment}` : ''}
              </p>
              <Button className="button" aria-label={t('attendance.exemptions.remove', { subject: x.subject.name, from: formatDate(x.startsOn) })} onPress={() => remove.mutate(x.id)}>
                {t('attendance.exemptions.removeShort')}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
