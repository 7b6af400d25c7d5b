import type { Incident, IncidentRole, IncidentType } from '@preau/contracts';
import { type FormEvent, useId, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/error-messages';
import { BusyButton } from '../../../lib/ui/BusyButton';
import { Notice } from '../../../lib/ui/Notice';
import { SelectInput } from '../../../lib/ui/SelectInput';
import { TextInput } from '../../../lib/ui/TextInput';
import { parisFields, parisInstant, parisToday } from '../../attendance/justification/components/paris-time';
import { useCreateIncident, useUpdateIncident } from '../api';
import { type PickedStudent, StudentPicker } from './StudentPicker';

const ROLES: IncidentRole[] = ['author', 'victim', 'witness'];

/**
 * Records an incident (unpublished): type, when, where, what, and the students with their roles;
 * with `incident`, corrects that one (its reporter before publication, vie scolaire always).
 */
export function IncidentForm({ establishmentId, types, incident, onDone }: { establishmentId: string; types: IncidentType[]; incident?: Incident; onDone?: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const errorMessage = useErrorMessage();
  const active = types.filter((type) => type.active);
  const when = incident ? parisFields(incident.occurredAt) : { date: parisToday(), time: '' };
  const [typeId, setTypeId] = useState(incident?.type.id ?? active[0]?.id ?? '');
  const [date, setDate] = useState(when.date);
  const [time, setTime] = useState(when.time);
  const [place, setPlace] = useState(incident?.place ?? '');
  const [description, setDescription] = useState(incident?.description ?? '');
  const [students, setStudents] = useState<(PickedStudent & { role: IncidentRole })[]>(incident?.students ?? []);
  const [invalid, setInvalid] = useState<string | null>(null);
  const created = useCreateIncident(establishmentId);
  const updated = useUpdateIncident(establishmentId, incident?.id ?? '');
  const create = incident ? updated : created;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    const occurredAt = parisInstant(date, time);
    if (!occurredAt) return setInvalid(t('discipline.form.badDate'));
    if (students.length === 0) return setInvalid(t('discipline.form.noStudent'));
    setInvalid(null);
    create.mutate(
      { typeId, occurredAt, place, description, students: students.map((s) => ({ studentId: s.id, role: s.role })) },
      {
        onSuccess: () => {
          if (onDone) return onDone();
          setPlace('');
          setDescription('');
          setStudents([]);
        },
      },
    );
  };
  return (
    <form className="card discipline-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{incident ? t('discipline.form.editTitle') : t('discipline.form.incidentTitle')}</h2>
      <div className="discipline-form__grid">
        <SelectInput
          label={t('discipline.form.type')}
          value={typeId}
          onChange={setTypeId}
          options={[...active, ...types.filter((type) => !type.active && type.id === incident?.type.id)].map((type) => ({ id: type.id, label: type.label }))}
        />
        <TextInput label={t('discipline.form.date')} value={date} onChange={setDate} isRequired verbatim />
        <TextInput label={t('discipline.form.time')} value={time} onChange={setTime} isRequired verbatim />
        <TextInput label={t('discipline.form.place')} value={place} onChange={setPlace} isRequired maxLength={120} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-description`}>
          {t('discipline.form.description')}
          <span aria-hidden="true"> *</span>
        </label>
        <textarea id={`${id}-description`} className="field__input" rows={4} maxLength={5000} required value={description} onChange={(e) => setDescription(e.target.value)} />
      </div>
      <fieldset className="discipline-form__students">
        <legend>{t('discipline.form.students')}</legend>
        <ul className="discipline-list">
          {students.map((s) => (
            <li key={s.id} className="discipline-form__student">
              <span>{s.name}</span>
              <SelectInput
                label={t('discipline.form.role', { name: s.name })}
                value={s.role}
                onChange={(role) => setStudents((list) => list.map((x) => (x.id === s.id ? { ...x, role: role as IncidentRole } : x)))}
                options={ROLES.map((r) => ({ id: r, label: t(`discipline.roles.${r}`) }))}
              />
              <Button className="button button--small" onPress={() => setStudents((list) => list.filter((x) => x.id !== s.id))}>
                {t('discipline.form.remove', { name: s.name })}
              </Button>
            </li>
          ))}
        </ul>
        <StudentPicker establishmentId={establishmentId} exclude={students.map((s) => s.id)} onPick={(s) => setStudents((list) => [...list, { ...s, role: 'author' }])} />
      </fieldset>
      <BusyButton type="submit" className="button button--primary" busy={create.isPending}>
        {t('discipline.form.save')}
      </BusyButton>
      {invalid ? <Notice tone="error">{invalid}</Notice> : null}
      {create.isError ? <Notice tone="error">{errorMessage(create.error)}</Notice> : null}
      {create.isSuccess ? <Notice tone="success">{t('discipline.form.saved')}</Notice> : null}
    </form>
  );
}
