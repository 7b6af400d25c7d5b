import type { MarkStatus, Register, RegisterMarks, RegisterStudent } from '@preau/contracts';
import { MARK_STATUSES } from '@preau/contracts';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Form, Radio, RadioGroup } from 'react-aria-components';
import { useErrorMessage } from '../../../lib/error-messages';
import { BusyButton } from '../../../lib/ui/BusyButton';
import { Notice } from '../../../lib/ui/Notice';
import { SelectInput } from '../../../lib/ui/SelectInput';
import { TextInput } from '../../../lib/ui/TextInput';
import { useSaveRegister } from '../api';

type Draft = { status: MarkStatus; minutes: string; reasonId: string };
const draftOf = (s: RegisterStudent): Draft => ({ status: s.status, minutes: s.minutes === null ? '' : String(s.minutes), reasonId: s.reasonId ?? '' });
const needsMinutes = (status: MarkStatus) => status === 'late' || status === 'left_early';
const validMinutes = (value: string) => /^\d{1,3}$/.test(value.trim()) && Number(value) >= 1 && Number(value) <= 600;

/**
 * The register of one lesson: a row per student with big toggles (present, absent, late, left
 * early), minutes when needed, the reason for vie scolaire; saved as in progress or submitted.
 */
export function RegisterSheet({ establishmentId, register, onBack }: { establishmentId: string; register: Register; onBack: () => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const save = useSaveRegister(establishmentId, register.id);
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() => Object.fromEntries(register.students.map((s) => [s.id, draftOf(s)])));
  const [done, setDone] = useState<'saved' | 'submitted' | null>(null);
  const [showErrors, setShowErrors] = useState(false);
  // A new answer from the server (after saving) is the truth again.
  useEffect(() => setDrafts(Object.fromEntries(register.students.map((s) => [s.id, draftOf(s)]))), [register]);

  const readOnly = !register.canEdit;
  const lesson = register.lesson;
  const counts: Record<MarkStatus, number> = { present: 0, absent: 0, late: 0, left_early: 0 };
  for (const d of Object.values(drafts)) counts[d.status] += 1;
  const invalid = register.students.filter((s) => {
    const d = drafts[s.id];
    return d && needsMinutes(d.status) && !validMinutes(d.minutes);
  });
  const update = (id: string, change: Partial<Draft>) => {
    setDone(null);
    setDrafts((current) => ({ ...current, [id]: { ...(current[id] as Draft), ...change } }));
  };

  const send = (submit: boolean) => {
    if (save.isPending) return;
    if (invalid.length > 0) {
      setShowErrors(true);
      return;
    }
    const marks: RegisterMarks['marks'] = register.students.map((s) => {
      const d = drafts[s.id] as Draft;
      return {
        studentId: s.id,
        status: d.status,
        minutes: needsMinutes(d.status) ? Number(d.minutes) : null,
        reasonId: register.canSetReasons && d.status !== 'present' && d.reasonId ? d.reasonId : null,
      };
    });
    save.mutate({ marks, submit }, { onSuccess: () => setDone(submit ? 'submitted' : 'saved') });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    send(true);
  };

  const title = t('attendance.register.title', { group: lesson.group.name, subject: lesson.subject.name, start: lesson.start, end: lesson.end });
  return (
    <section className="roll" aria-labelledby="roll-title">
      <Button className="button button--link" onPress={onBack}>
        ← {t('attendance.rollCall.back')}
      </Button>
      <h2 id="roll-title">{title}</h2>
      <p className="roll__state">
        <span className={`roll-badge roll-badge--${register.state}`}>{t(`attendance.rollCall.state.${register.state}`)}</span>{' '}
        <span>{t('attendance.register.summary', { present: counts.present, absent: counts.absent, late: counts.late, leftEarly: counts.left_early })}</span>
      </p>
      {readOnly ? <Notice tone="info">{t('attendance.register.readOnly')}</Notice> : null}
      {register.students.length === 0 ? <p>{t('attendance.register.noStudents')}</p> : null}
      <Form onSubmit={onSubmit} aria-labelledby="roll-title" validationBehavior="aria">
        <ul className="roll__list">
          {register.students.map((s) => {
            const d = drafts[s.id] as Draft;
            const minutesError = showErrors && needsMinutes(d.status) && !validMinutes(d.minutes) ? t('attendance.register.minutesInvalid') : null;
            return (
              <li key={s.id} className={`roll-row roll-row--${d.status}`}>
                <div className="roll-row__who">
                  <span className="roll-row__name">{s.displayName}</span>
                  {s.collective ? <span className="roll-badge roll-badge--info">{t('attendance.register.collective', { label: s.collective })}</span> : null}
                  {s.exemption ? <span className="roll-badge roll-badge--info">{s.exemption.mustAttend ? t('attendance.register.exemptedPresent') : t('attendance.register.exempted')}</span> : null}
                  {s.reportedAbsent ? <span className="roll-badge roll-badge--warn">{t('attendance.register.reported')}</span> : null}
                  {s.flagged ? <span className="roll-badge roll-badge--warn">{t('attendance.register.flagged')}</span> : null}
                </div>
                <RadioGroup
                  className="roll-toggles"
                  orientation="horizontal"
                  aria-label={t('attendance.register.student', { name: s.displayName })}
                  value={d.status}
                  isDisabled={readOnly || s.collective !== null}
                  onChange={(value) => update(s.id, { status: value as MarkStatus })}
                >
                  {MARK_STATUSES.map((status) => (
                    <Radio key={status} value={status} className={`roll-toggle roll-toggle--${status}`}>
                      {t(`attendance.register.status.${status}`)}
                    </Radio>
                  ))}
                </RadioGroup>
                {needsMinutes(d.status) ? (
                  <TextInput
                    label={t(d.status === 'late' ? 'attendance.register.minutesLate' : 'attendance.register.minutesEarly', { name: s.displayName })}
                    inputMode="numeric"
                    value={d.minutes}
                    onChange={(value) => update(s.id, { minutes: value })}
                    isReadOnly={readOnly}
                    errorMessage={minutesError}
                  />
                ) : null}
                {register.canSetReasons && d.status !== 'present' ? (
                  <SelectInput
                    label={t('attendance.register.reason', { name: s.displayName })}
                    value={d.reasonId || 'none'}
                    onChange={(value) => update(s.id, { reasonId: value === 'none' ? '' : value })}
                    options={[{ id: 'none', label: t('attendance.register.noReason') }, ...register.reasons.map((r) => ({ id: r.id, label: r.label }))]}
                  />
                ) : null}
              </li>
            );
          })}
        </ul>
        {showErrors && invalid.length > 0 ? <Notice tone="error">{t('attendance.register.fixMinutes')}</Notice> : null}
        {save.isError ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
        {done ? <Notice tone="success">{t(done === 'submitted' ? 'attendance.register.submitted' : 'attendance.register.saved')}</Notice> : null}
        {!readOnly && register.students.length > 0 ? (
          <div className="roll__actions">
            {register.state !== 'done' ? (
              <BusyButton busy={save.isPending} className="button" onPress={() => send(false)}>
                {t('attendance.register.save')}
              </BusyButton>
            ) : null}
            <BusyButton busy={save.isPending} type="submit" className="button button--primary roll__submit">
              {t('attendance.register.submit')}
            </BusyButton>
          </div>
        ) : null}
      </Form>
    </section>
  );
}
