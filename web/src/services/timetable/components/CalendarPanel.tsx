import type { HolidayZone, SchoolCalendar } from '@preau/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/error-messages';
import { useFormatDate } from '../../../lib/format';
import { BusyButton } from '../../../lib/ui/BusyButton';
import { Notice } from '../../../lib/ui/Notice';
import { SelectInput } from '../../../lib/ui/SelectInput';
import { TextInput } from '../../../lib/ui/TextInput';
import { useCalendar } from '../api';

function Settings({ calendar, onSave, busy }: { calendar: SchoolCalendar; onSave: (body: Omit<SchoolCalendar, 'holidays'>) => void; busy: boolean }) {
  const { t } = useTranslation();
  const [zone, setZone] = useState<HolidayZone>(calendar.zone);
  const [yearStart, setYearStart] = useState(calendar.yearStart);
  const [yearEnd, setYearEnd] = useState(calendar.yearEnd);
  const [weekA, setWeekA] = useState(calendar.weekAReference ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) onSave({ zone, yearStart, yearEnd, weekAReference: weekA || null });
  };
  return (
    <form className="form manage-row" onSubmit={submit}>
      <SelectInput label={t('timetable.manage.calendar.zone')} value={zone} onChange={(v) => setZone(v as HolidayZone)} options={['A', 'B', 'C'].map((z) => ({ id: z, label: `Zone ${z}` }))} />
      <TextInput label={t('timetable.manage.calendar.start')} type="date" value={yearStart} onChange={setYearStart} isRequired />
      <TextInput label={t('timetable.manage.calendar.end')} type="date" value={yearEnd} onChange={setYearEnd} isRequired />
      <TextInput label={t('timetable.manage.calendar.weekA')} type="date" value={weekA} onChange={setWeekA} description={t('timetable.manage.calendar.weekAHelp')} />
      <div className="form-actions">
        <BusyButton type="submit" className="button button--primary" busy={busy}>
          {t('timetable.manage.calendar.save')}
        </BusyButton>
      </div>
    </form>
  );
}

/** Zone, year and alternation; the national holidays come with the zone, local closures are added here. */
export function CalendarPanel({ establishmentId }: { establishmentId: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const formatDate = useFormatDate();
  const { calendar, save, addHoliday, removeHoliday } = useCalendar(establishmentId);
  const [name, setName] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const error = calendar.error ?? save.error ?? addHoliday.error ?? removeHoliday.error;
  const add = (event: FormEvent) => {
    event.preventDefault();
    if (!addHoliday.isPending) addHoliday.mutate({ name, from, to: to || from });
  };
  return (
    <section className="card manage-section" aria-labelledby="calendar-title">
      <h2 id="calendar-title">{t('timetable.manage.calendar.title')}</h2>
      {error ? <Notice tone="error">{errorMessage(error)}</Notice> : null}
      {save.isSuccess ? <Notice tone="success">{t('timetable.manage.calendar.saved')}</Notice> : null}
      {calendar.data ? (
        <>
          <Settings key={`${calendar.data.zone}-${calendar.data.yearStart}`} calendar={calendar.data} onSave={(body) => save.mutate(body)} busy={save.isPending} />
          <h3>{t('timetable.manage.calendar.holidays')}</h3>
          <ul className="plain-list holiday-list">
            {calendar.data.holidays.map((h) => (
              <li key={h.id}>
                <span>
                  {h.name} : {formatDate(h.from)}
                  {h.to !== h.from ? ` – ${formatDate(h.to)}` : ''} <span className="muted">({t(`timetable.manage.calendar.sources.${h.source}`)})</span>
                </span>
                {!h.id.startsWith('default-') ? (
                  <button type="button" className="button button--quiet" onClick={() => removeHoliday.mutate(h.id)}>
                    {t('timetable.manage.calendar.remove', { name: h.name })}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
          <form className="form manage-row" onSubmit={add}>
            <TextInput label={t('timetable.manage.calendar.name')} value={name} onChange={setName} isRequired maxLength={100} />
            <TextInput label={t('timetable.manage.calendar.from')} type="date" value={from} onChange={setFrom} isRequired />
            <TextInput label={t('timetable.manage.calendar.to')} type="date" value={to} onChange={setTo} />
            <div className="form-actions">
              <BusyButton type="submit" className="button button--secondary" busy={addHoliday.isPending}>
                {t('timetable.manage.calendar.add')}
              </BusyButton>
            </div>
          </form>
        </>
      ) : null}
    </section>
  );
}
