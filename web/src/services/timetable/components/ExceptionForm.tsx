import type { Lesson } from '@preau/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/error-messages';
import { BusyButton } from '../../../lib/ui/BusyButton';
import { CheckboxInput } from '../../../lib/ui/CheckboxInput';
import { Notice } from '../../../lib/ui/Notice';
import { SelectInput } from '../../../lib/ui/SelectInput';
import { TextInput } from '../../../lib/ui/TextInput';
import { useChoicesQuery, useExceptionMutation, useRoomsQuery } from '../api';

/** Staff only: cancel one lesson, move it to another room or give it to a replacement teacher. */
export function ExceptionForm({ lesson, establishmentId }: { lesson: Lesson; establishmentId: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [open, setOpen] = useState(false);
  const [cancelled, setCancelled] = useState(lesson.cancelled);
  const [roomId, setRoomId] = useState(lesson.usualRoom ? (lesson.room?.id ?? '') : '');
  const [teacherId, setTeacherId] = useState(lesson.usualTeacher ? (lesson.teacher?.id ?? '') : '');
  const [note, setNote] = useState(lesson.note ?? '');
  const rooms = useRoomsQuery(establishmentId, open);
  const choices = useChoicesQuery(open ? establishmentId : null);
  const save = useExceptionMutation(establishmentId);
  const id = `exception-${lesson.slotId}-${lesson.date}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    const body = cancelled || roomId || teacherId || note ? { cancelled, roomId: roomId || null, teacherId: teacherId || null, note: note || null } : null;
    save.mutate({ slotId: lesson.slotId, date: lesson.date, body });
  };
  return (
    <div className="lesson__edit">
      <button type="button" className="button button--quiet" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        {t('timetable.lesson.edit', { subject: lesson.subject.name, time: lesson.start })}
      </button>
      {open ? (
        <form id={id} className="form exception-form" onSubmit={submit} aria-label={t('timetable.exception.title')}>
          <CheckboxInput name="cancelled" label={t('timetable.exception.cancelled')} isSelected={cancelled} onChange={setCancelled} />
          <SelectInput
            label={t('timetable.exception.room')}
            value={roomId || 'none'}
            onChange={(value) => setRoomId(value === 'none' ? '' : value)}
            options={[{ id: 'none', label: t('timetable.exception.none') }, ...(rooms.data?.items ?? []).map((r) => ({ id: r.id, label: `${r.code} — ${r.name}` }))]}
          />
          <SelectInput
            label={t('timetable.exception.teacher')}
            value={teacherId || 'none'}
            onChange={(value) => setTeacherId(value === 'none' ? '' : value)}
            options={[{ id: 'none', label: t('timetable.exception.none') }, ...(choices.data?.teachers ?? []).map((p) => ({ id: p.id, label: p.displayName }))]}
          />
          <TextInput label={t('timetable.exception.note')} value={note} onChange={setNote} maxLength={300} />
          {save.isError ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
          {save.isSuccess ? <Notice tone="success">{t('timetable.exception.saved')}</Notice> : null}
          <div className="form-actions">
            <BusyButton type="submit" className="button button--primary" busy={save.isPending}>
              {t('timetable.exception.save')}
            </BusyButton>
            <BusyButton type="button" className="button button--secondary" busy={save.isPending} onPress={() => save.mutate({ slotId: lesson.slotId, date: lesson.date, body: null })}>
              {t('timetable.exception.clear')}
            </BusyButton>
          </div>
        </form>
      ) : null}
    </div>
  );
}
