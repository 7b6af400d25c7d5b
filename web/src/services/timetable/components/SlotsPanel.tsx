import type { TimetableChoices, WeekPattern } from '@preau/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/error-messages';
import { BusyButton } from '../../../lib/ui/BusyButton';
import { Notice } from '../../../lib/ui/Notice';
import { SelectInput } from '../../../lib/ui/SelectInput';
import { TextInput } from '../../../lib/ui/TextInput';
import { useSlotMutations, useSlotsQuery } from '../api';

/** The standard week of one class or group: its lessons, and a form to add one by hand. */
export function SlotsPanel({ establishmentId, choices }: { establishmentId: string; choices: TimetableChoices }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const days = t('timetable.manage.slots.days', { returnObjects: true }) as string[];
  const [groupId, setGroupId] = useState(choices.groups[0]?.id ?? '');
  const slots = useSlotsQuery(establishmentId, groupId || null);
  const { create, remove } = useSlotMutations(establishmentId);
  const [subjectId, setSubjectId] = useState(choices.subjects[0]?.id ?? '');
  const [teacherId, setTeacherId] = useState('');
  const [roomId, setRoomId] = useState('');
  const [weekday, setWeekday] = useState('1');
  const [start, setStart] = useState('08:00');
  const [end, setEnd] = useState('09:00');
  const [weeks, setWeeks] = useState<WeekPattern>('all');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    create.mutate({ groupId, subjectId, teacherId: teacherId || null, roomId: roomId || null, weekday: Number(weekday), start, end, weeks });
  };
  const none = { id: 'none', label: t('timetable.manage.slots.none') };
  return (
    <section className="card manage-section" aria-labelledby="slots-title">
      <h2 id="slots-title">{t('timetable.manage.slots.title')}</h2>
      <div className="search-form">
        <SelectInput label={t('timetable.manage.slots.group')} value={groupId} onChange={setGroupId} options={choices.groups.map((g) => ({ id: g.id, label: g.name }))} />
      </div>
      {slots.isError ? <Notice tone="error">{errorMessage(slots.error)}</Notice> : null}
      {remove.isError ? <Notice tone="error">{errorMessage(remove.error)}</Notice> : null}
      {slots.data && slots.data.items.length === 0 ? <p className="muted">{t('timetable.manage.slots.empty')}</p> : null}
      {slots.data && slots.data.items.length > 0 ? (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">{t('timetable.manage.slots.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('timetable.manage.slots.weekday')}</th>
                <th scope="col">{t('timetable.manage.slots.start')}</th>
                <th scope="col">{t('timetable.manage.slots.subject')}</th>
                <th scope="col">{t('timetable.manage.slots.teacher')}</th>
                <th scope="col">{t('timetable.manage.slots.room')}</th>
                <th scope="col">{t('timetable.manage.slots.weeks')}</th>
                <th scope="col">{t('timetable.manage.slots.source')}</th>
                <td />
              </tr>
            </thead>
            <tbody>
              {slots.data.items.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{days[s.weekday]}</th>
                  <td>
                    {s.start} – {s.end}
                  </td>
                  <td>{s.subject.name}</td>
                  <td>{s.teacher?.displayName ?? '—'}</td>
                  <td>{s.room?.code ?? '—'}</td>
                  <td>{s.weeks === 'all' ? t('timetable.manage.slots.weeksAll') : s.weeks}</td>
                  <td>{s.source}</td>
                  <td>
                    <button type="button" className="button button--quiet" onClick={() => remove.mutate(s.id)}>
                      {t('timetable.manage.slots.remove', { day: days[s.weekday], time: s.start })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <form className="form manage-row slot-form" onSubmit={submit}>
        <SelectInput label={t('timetable.manage.slots.subject')} value={subjectId} onChange={setSubjectId} options={choices.subjects.map((s) => ({ id: s.id, label: s.name }))} />
        <SelectInput label={t('timetable.manage.slots.teacher')} value={teacherId || 'none'} onChange={(v) => setTeacherId(v === 'none' ? '' : v)} options={[none, ...choices.teachers.map((p) => ({ id: p.id, label: p.displayName }))]} />
        <SelectInput label={t('timetable.manage.slots.room')} value={roomId || 'none'} onChange={(v) => setRoomId(v === 'none' ? '' : v)} options={[none, ...choices.rooms.map((r) => ({ id: r.id, label: `${r.code} — ${r.name}` }))]} />
        <SelectInput label={t('timetable.manage.slots.weekday')} value={weekday} onChange={setWeekday} options={[1, 2, 3, 4, 5, 6].map((d) => ({ id: String(d), label: days[d] ?? '' }))} />
        <TextInput label={t('timetable.manage.slots.start')} type="time" value={start} onChange={setStart} isRequired />
        <TextInput label={t('timetable.manage.slots.end')} type="time" value={end} onChange={setEnd} isRequired />
        <SelectInput
          label={t('timetable.manage.slots.weeks')}
          value={weeks}
          onChange={(v) => setWeeks(v as WeekPattern)}
          options={[
            { id: 'all', label: t('timetable.manage.slots.weeksAll') },
            { id: 'A', label: t('timetable.manage.slots.weekA') },
            { id: 'B', label: t('timetable.manage.slots.weekB') },
          ]}
        />
        <div className="form-actions">
          <BusyButton type="submit" className="button button--primary" busy={create.isPending}>
            {t('timetable.manage.slots.add')}
          </BusyButton>
        </div>
      </form>
      {create.isError ? <Notice tone="error">{errorMessage(create.error)}</Notice> : null}
      {create.isSuccess ? <Notice tone="success">{t('timetable.manage.slots.added')}</Notice> : null}
    </section>
  );
}
