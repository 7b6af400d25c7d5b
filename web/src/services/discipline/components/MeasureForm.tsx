import { type MeasureKind, PUNISHMENT_KINDS, SANCTION_KINDS } from '@preau/contracts';
import { type FormEvent, useId, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/error-messages';
import { BusyButton } from '../../../lib/ui/BusyButton';
import { CheckboxInput } from '../../../lib/ui/CheckboxInput';
import { Notice } from '../../../lib/ui/Notice';
import { SelectInput } from '../../../lib/ui/SelectInput';
import { TextInput } from '../../../lib/ui/TextInput';
import { parisInstant, parisToday } from '../../attendance/justification/components/paris-time';
import { useCreateMeasure } from '../api';
import { type PickedStudent, StudentPicker } from './StudentPicker';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Gives a punishment (any teacher, vie scolaire) or a sanction (head, deputies), unpublished. */
export function MeasureForm({ establishmentId, pronouncesSanctions }: { establishmentId: string; pronouncesSanctions: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const errorMessage = useErrorMessage();
  const kinds: MeasureKind[] = [...PUNISHMENT_KINDS, ...(pronouncesSanctions ? SANCTION_KINDS : [])];
  const [student, setStudent] = useState<PickedStudent | null>(null);
  const [kind, setKind] = useState<MeasureKind>('detention');
  const [f, setF] = useState({ reason: '', decidedOn: parisToday(), scheduledDate: '', scheduledTime: '', duration: '60', startsOn: '', endsOn: '' });
  const [council, setCouncil] = useState(false);
  const [invalid, setInvalid] = useState<string | null>(null);
  const create = useCreateMeasure(establishmentId);
  const set = (key: keyof typeof f) => (value: string) => setF((old) => ({ ...old, [key]: value }));
  const ranged = kind === 'temporary_class_exclusion' || kind === 'temporary_exclusion';
  const sanction = (SANCTION_KINDS as readonly string[]).includes(kind);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    if (!student) return setInvalid(t('discipline.form.noStudent'));
    const scheduledAt = kind === 'detention' ? parisInstant(f.scheduledDate, f.scheduledTime) : null;
    const datesOk = DATE.test(f.decidedOn) && (!ranged || (DATE.test(f.startsOn) && DATE.test(f.endsOn))) && (kind !== 'class_exclusion' || DATE.test(f.startsOn));
    if ((kind === 'detention' && !scheduledAt) || !datesOk) return setInvalid(t('discipline.form.badDate'));
    setInvalid(null);
    create.mutate(
      {
        studentId: student.id,
        kind,
        reason: f.reason,
        decidedOn: f.decidedOn,
        scheduledAt,
        durationMinutes: kind === 'detention' ? Number(f.duration) : null,
        startsOn: ranged || kind === 'class_exclusion' ? f.startsOn : null,
        endsOn: ranged ? f.endsOn : null,
        authority: sanction ? (council ? 'council' : 'head') : null,
      },
      { onSuccess: () => setF((old) => ({ ...old, reason: '' })) },
    );
  };
  return (
    <form className="card discipline-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('discipline.form.measureTitle')}</h2>
      {!pronouncesSanctions ? <p className="muted">{t('discipline.form.headOnly')}</p> : null}
      {student ? (
        <p>
          {t('discipline.form.student')} : <strong>{student.name}</strong>{' '}
          <Button className="button button--small" onPress={() => setStudent(null)}>
            {t('discipline.form.remove', { name: student.name })}
          </Button>
        </p>
      ) : (
        <StudentPicker establishmentId={establishmentId} exclude={[]} onPick={setStudent} />
      )}
      <div className="discipline-form__grid">
        <SelectInput label={t('discipline.form.kind')} value={kind} onChange={(k) => setKind(k as MeasureKind)} options={kinds.map((k) => ({ id: k, label: t(`discipline.kinds.${k}`) }))} />
        <TextInput label={t('discipline.form.decidedOn')} value={f.decidedOn} onChange={set('decidedOn')} isRequired verbatim />
        {kind === 'detention' ? (
          <>
            <TextInput label={t('discipline.form.scheduledDate')} value={f.scheduledDate} onChange={set('scheduledDate')} isRequired verbatim />
            <TextInput label={t('discipline.form.scheduledTime')} value={f.scheduledTime} onChange={set('scheduledTime')} isRequired verbatim />
            <TextInput label={t('discipline.form.duration')} value={f.duration} onChange={(v) => set('duration')(v.replace(/\D/g, ''))} inputMode="numeric" isRequired />
          </>
        ) : null}
        {ranged || kind === 'class_exclusion' ? <TextInput label={t('discipline.form.startsOn')} value={f.startsOn} onChange={set('startsOn')} isRequired verbatim /> : null}
        {ranged ? <TextInput label={t('discipline.form.endsOn')} value={f.endsOn} onChange={set('endsOn')} isRequired verbatim /> : null}
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-reason`}>
          {t('discipline.form.reason')}
          <span aria-hidden="true"> *</span>
        </label>
        <textarea id={`${id}-reason`} className="field__input" rows={3} maxLength={2000} required value={f.reason} onChange={(e) => set('reason')(e.target.value)} />
      </div>
      {sanction ? <CheckboxInput name="council" label={t('discipline.form.council')} isSelected={council} onChange={setCouncil} /> : null}
      <BusyButton type="submit" className="button button--primary" busy={create.isPending}>
        {t('discipline.form.save')}
      </BusyButton>
      {invalid ? <Notice tone="error">{invalid}</Notice> : null}
      {create.isError ? <Notice tone="error">{errorMessage(create.error)}</Notice> : null}
      {create.isSuccess ? <Notice tone="success">{t('discipline.form.saved')}</Notice> : null}
    </form>
  );
}
