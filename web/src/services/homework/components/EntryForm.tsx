import { type Entry, type EntryResult, HAND_IN_MODES, HOMEWORK_KINDS, type HandIn, type HomeworkKind, type NewEntry, type PeoplePage } from '@preau/contracts';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Label, TextArea, TextField, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { api } from '../../../lib/api-client';
import { useErrorMessage } from '../../../lib/error-messages';
import { BusyButton } from '../../../lib/ui/BusyButton';
import { CheckboxInput } from '../../../lib/ui/CheckboxInput';
import { Notice } from '../../../lib/ui/Notice';
import { SelectInput } from '../../../lib/ui/SelectInput';
import { TextInput } from '../../../lib/ui/TextInput';
import { useTimetableQuery } from '../../timetable';
import { useSaveEntry } from '../api';
import { htmlToText, textToHtml } from './rich-text';

type Draft = { id?: string; kind: HomeworkKind; text: string; dueOn: string; minutes: string; handIn: HandIn; studentIds: string[] };
const emptyWork = (): Draft => ({ kind: 'exercise', text: '', dueOn: '', minutes: '', handIn: 'none', studentIds: [] });

function LongText({ label, value, onChange, description, isRequired }: { label: string; value: string; onChange: (v: string) => void; description?: string; isRequired?: boolean }) {
  return (
    <TextField className="field" value={value} onChange={onChange} isRequired={isRequired}>
      <Label className="field__label">
        {label}
        {isRequired ? <span aria-hidden="true"> *</span> : null}
      </Label>
      {description ? (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      ) : null}
      <TextArea className="field__input field__textarea" rows={4} />
    </TextField>
  );
}

/** The group's students, for individualised work (the directory already decides who sees whom). */
function useStudents(establishmentId: string, groupId: string) {
  return useQuery({
    queryKey: ['homework', 'students', establishmentId, groupId],
    queryFn: () => api.get<PeoplePage>(`/api/directory/establishments/${encodeURIComponent(establishmentId)}/people`, { groupId, profile: 'student', limit: 200 }),
  });
}

type Props = {
  establishmentId: string;
  groupId: string;
  subjects: { id: string; name: string }[];
  entry: Entry | null;
  onDone: () => void;
  onSaved: (result: EntryResult) => void;
};

/** Creates or edits a session and its homework; the due date defaults to the next lesson on the server. */
export function EntryForm({ establishmentId, groupId, subjects, entry, onDone, onSaved }: Props) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const headingId = useId();
  const save = useSaveEntry(establishmentId);
  const students = useStudents(establishmentId, groupId);
  const [subjectId, setSubjectId] = useState(entry?.subject.id ?? subjects[0]?.id ?? '');
  const [date, setDate] = useState(entry?.date ?? new Date().toISOString().slice(0, 10));
  const [title, setTitle] = useState(entry?.title ?? '');
  const [content, setContent] = useState(entry ? htmlToText(entry.contentHtml) : '');
  const [publishAt, setPublishAt] = useState('');
  const link = entry?.attachments.find((a) => a.kind === 'link');
  const [linkName, setLinkName] = useState(link?.name ?? '');
  const [linkUrl, setLinkUrl] = useState(link?.url ?? '');
  const [work, setWork] = useState<Draft[]>(
    entry?.homework.map((h) => ({ id: h.id, kind: h.kind, text: htmlToText(h.instructionsHtml), dueOn: h.dueOn, minutes: h.estimatedMinutes ? String(h.estimatedMinutes) : '', handIn: h.handIn, studentIds: h.students?.map((s) => s.id) ?? [] })) ?? [],
  );
  // The session's lesson: the day's lessons of this subject for this group, from the timetable.
  const day = useTimetableQuery(establishmentId, /^\d{4}-\d{2}-\d{2}$/.test(date) ? { view: 'class', id: groupId } : null, date, 1);
  const lessons = (day.data?.lessons ?? []).filter((l) => l.subject.id === subjectId && !l.cancelled);
  const [slotChoice, setSlotChoice] = useState<string>(entry ? (entry.slotId ?? 'none') : '');
  const lesson = slotChoice === 'none' ? null : (lessons.find((l) => l.slotId === slotChoice) ?? (slotChoice === '' ? lessons[0] : undefined) ?? null);
  const update = (i: number, patch: Partial<Draft>) => setWork(work.map((w, j) => (j === i ? { ...w, ...patch } : w)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    const body: NewEntry = {
      groupId,
      subjectId,
      slotId: lesson?.slotId ?? null,
      date,
      start: lesson?.start ?? null,
      end: lesson?.end ?? null,
      title,
      contentHtml: textToHtml(content),
      publishAt: publishAt ? new Date(publishAt).toISOString() : (entry?.published === false ? entry.publishAt : null),
      links: linkUrl ? [{ name: linkName || linkUrl, url: linkUrl }] : [],
      homework: work
        .filter((w) => w.text.trim())
        .map((w) => ({
          ...(w.id ? { id: w.id } : {}),
          kind: w.kind,
          instructionsHtml: textToHtml(w.text),
          ...(w.dueOn ? { dueOn: w.dueOn } : {}),
          estimatedMinutes: w.minutes ? Number(w.minutes) : null,
          handIn: w.handIn,
          studentIds: w.studentIds,
        })),
    };
    save.mutate({ id: entry?.id ?? null, body }, { onSuccess: onSaved });
  };

  return (
    <form className="form card entry-form" onSubmit={submit} aria-labelledby={headingId}>
      <h2 id={headingId}>{entry ? t('homework.entry.editTitle') : t('homework.entry.new')}</h2>
      <div className="entry-form__row">
        <SelectInput label={t('homework.entry.subject')} value={subjectId} onChange={setSubjectId} options={subjects.map((s) => ({ id: s.id, label: s.name }))} />
        <TextInput label={t('homework.entry.date')} type="date" value={date} onChange={setDate} isRequired />
      </div>
      <SelectInput
        label={t('homework.entry.lesson')}
        value={lesson?.slotId ?? 'none'}
        onChange={setSlotChoice}
        options={[...lessons.map((l) => ({ id: l.slotId, label: `${l.start} – ${l.end}${l.room ? ` · ${l.room.code}` : ''}` })), { id: 'none', label: t('homework.entry.freeDate') }]}
      />
      <TextInput label={t('homework.entry.title')} value={title} onChange={setTitle} isRequired maxLength={200} />
      <LongText label={t('homework.entry.content')} value={content} onChange={setContent} description={t('homework.entry.contentHelp')} />
      <div className="entry-form__row">
        <TextInput label={t('homework.entry.linkName')} value={linkName} onChange={setLinkName} maxLength={200} />
        <TextInput label={t('homework.entry.linkUrl')} type="url" value={linkUrl} onChange={setLinkUrl} verbatim />
      </div>
      <TextInput label={t('homework.entry.publishAt')} type="datetime-local" value={publishAt} onChange={setPublishAt} description={t('homework.entry.publishHelp')} />
      {work.map((w, i) => (
        <fieldset key={w.id ?? `new-${i}`} className="homework-fieldset">
          <legend>{t('homework.entry.homeworkLegend', { n: i + 1 })}</legend>
          <div className="entry-form__row">
            <SelectInput label={t('homework.entry.kind')} value={w.kind} onChange={(v) => update(i, { kind: v as HomeworkKind })} options={HOMEWORK_KINDS.map((k) => ({ id: k, label: t(`homework.textbook.kinds.${k}`) }))} />
            <TextInput label={t('homework.entry.dueOn')} type="date" value={w.dueOn} onChange={(v) => update(i, { dueOn: v })} description={t('homework.entry.dueHelp')} />
          </div>
          <LongText label={t('homework.entry.instructions')} value={w.text} onChange={(v) => update(i, { text: v })} isRequired />
          <div className="entry-form__row">
            <TextInput label={t('homework.entry.minutes')} type="number" inputMode="numeric" value={w.minutes} onChange={(v) => update(i, { minutes: v.replace(/\D/g, '') })} />
            <SelectInput label={t('homework.entry.handIn')} value={w.handIn} onChange={(v) => update(i, { handIn: v as HandIn })} options={HAND_IN_MODES.map((m) => ({ id: m, label: t(`homework.entry.handInModes.${m}`) }))} />
          </div>
          {students.data && students.data.items.length > 0 ? (
            <details className="disclosure homework-students">
              <summary>{t('homework.entry.students')}</summary>
              <div className="homework-students__list">
                {students.data.items.map((s) => (
                  <CheckboxInput
                    key={s.id}
                    name={`students-${i}`}
                    label={s.displayName}
                    isSelected={w.studentIds.includes(s.id)}
                    onChange={(on) => update(i, { studentIds: on ? [...w.studentIds, s.id] : w.studentIds.filter((id) => id !== s.id) })}
                  />
                ))}
              </div>
            </details>
          ) : null}
          <button type="button" className="button button--quiet" onClick={() => setWork(work.filter((_, j) => j !== i))}>
            {t('homework.entry.removeHomework')}
          </button>
        </fieldset>
      ))}
      <div className="form-actions">
        <button type="button" className="button button--secondary" onClick={() => setWork([...work, emptyWork()])}>
          {t('homework.entry.addHomework')}
        </button>
      </div>
      {save.isError ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
      <div className="form-actions">
        <BusyButton type="submit" className="button button--primary" busy={save.isPending}>
          {t('homework.entry.save')}
        </BusyButton>
        <button type="button" className="button button--quiet" onClick={onDone}>
          {t('homework.entry.cancel')}
        </button>
      </div>
    </form>
  );
}
