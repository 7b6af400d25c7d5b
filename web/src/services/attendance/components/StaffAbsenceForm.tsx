import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from 'react-aria-components';
import { useErrorMessage } from '../../../lib/error-messages';
import { BusyButton } from '../../../lib/ui/BusyButton';
import { Notice } from '../../../lib/ui/Notice';
import { SelectInput } from '../../../lib/ui/SelectInput';
import { TextInput } from '../../../lib/ui/TextInput';
import { useGroups, useReasons, useRecordAbsence, useStudentsOf } from '../api';
import { isIsoDate, parisInstant } from './dates';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Vie scolaire records an absence directly (source 'staff'): a class, one of its students, a day and hours. */
export function StaffAbsenceForm({ establishmentId, date }: { establishmentId: string; date: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const groups = useGroups(establishmentId);
  const reasons = useReasons(establishmentId);
  const record = useRecordAbsence(establishmentId);
  const [groupId, setGroupId] = useState<string | null>(null);
  const students = useStudentsOf(establishmentId, groupId);
  const [studentId, setStudentId] = useState<string | null>(null);
  const [day, setDay] = useState(date);
  const [from, setFrom] = useState('08:00');
  const [to, setTo] = useState('18:00');
  const [reasonId, setReasonId] = useState('none');
  const [comment, setComment] = useState('');
  const [invalid, setInvalid] = useState(false);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (record.isPending) return;
    const ok = studentId !== null && isIsoDate(day) && TIME.test(from) && TIME.test(to) && from < to;
    setInvalid(!ok);
    if (!ok || studentId === null) return;
    record.mutate(
      {
        studentId,
        kind: 'absence',
        startsAt: parisInstant(day, from),
        endsAt: parisInstant(day, to),
        reasonId: reasonId === 'none' ? null : reasonId,
        comment: comment.trim() || null,
      },
      { onSuccess: () => setComment('') },
    );
  };

  return (
    <Form onSubmit={onSubmit} aria-labelledby="staff-absence-title" className="grades-entry-section" validationBehavior="aria">
      <h2 id="staff-absence-title">{t('attendance.staffAbsence.form')}</h2>
      <p>{t('attendance.staffAbsence.intro')}</p>
      <div className="grades-entry__fields">
        <SelectInput
          label={t('attendance.staffAbsence.group')}
          value={groupId ?? 'none'}
          onChange={(value) => {
            setGroupId(value === 'none' ? null : value);
            setStudentId(null);
          }}
          options={[{ id: 'none', label: t('attendance.staffAbsence.choose') }, ...(groups.data ?? []).filter((g) => g.kind === 'class').map((g) => ({ id: g.id, label: g.name }))]}
        />
        <SelectInput
          label={t('attendance.staffAbsence.student')}
          value={studentId ?? 'none'}
          onChange={(value) => setStudentId(value === 'none' ? null : value)}
          options={[{ id: 'none', label: t('attendance.staffAbsence.choose') }, ...(students.data?.items ?? []).map((s) => ({ id: s.id, label: s.displayName }))]}
        />
        <TextInput label={t('attendance.staffAbsence.date')} value={day} onChange={setDay} verbatim />
        <TextInput label={t('attendance.staffAbsence.from')} value={from} onChange={setFrom} verbatim />
        <TextInput label={t('attendance.staffAbsence.to')} value={to} onChange={setTo} verbatim />
        <SelectInput
          label={t('attendance.staffAbsence.reason')}
          value={reasonId}
          onChange={setReasonId}
          options={[{ id: 'none', label: t('attendance.register.noReason') }, ...(reasons.data?.reasons ?? []).filter((r) => r.active).map((r) => ({ id: r.id, label: r.label }))]}
        />
        <TextInput label={t('attendance.staffAbsence.comment')} value={comment} onChange={setComment} />
      </div>
      {invalid ? <Notice tone="error">{t('attendance.staffAbsence.invalid')}</Notice> : null}
      {record.isError ? <Notice tone="error">{errorMessage(record.error)}</Notice> : null}
      {record.isSuccess && !invalid ? <Notice tone="success">{t('attendance.staffAbsence.done')}</Notice> : null}
      <BusyButton busy={record.isPending} type="submit" className="button button--primary">
        {t('attendance.staffAbsence.submit')}
      </BusyButton>
    </Form>
  );
}
