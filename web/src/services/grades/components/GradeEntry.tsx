import type { GradeSheet, SpecialGrade } from '@preau/contracts';
import { type FormEvent, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/error-messages';
import { useFormatDate } from '../../../lib/format';
import { BusyButton } from '../../../lib/ui/BusyButton';
import { CheckboxInput } from '../../../lib/ui/CheckboxInput';
import { Notice } from '../../../lib/ui/Notice';
import { Loading } from '../../../lib/ui/Page';
import { SelectInput } from '../../../lib/ui/SelectInput';
import { TextInput } from '../../../lib/ui/TextInput';
import { useCreateAssessment, useEnterGrades, useSheet, useTeachings } from '../api';
import { GradeText } from './ReportView';

const CODES: Record<string, SpecialGrade> = { abs: 'absent', disp: 'exempted', nn: 'not_graded', nr: 'not_handed_in' };
const CODE_OF: Record<SpecialGrade, string> = { absent: 'abs', exempted: 'disp', not_graded: 'nn', not_handed_in: 'nr' };

/** What the teacher typed: a number (comma or point), a code, or nothing (clears); undefined if unreadable. */
export function parseGrade(text: string, scale: number): { value: number | null; special: SpecialGrade | null } | undefined {
  const s = text.trim().toLowerCase();
  if (s === '') return { value: null, special: null };
  if (CODES[s]) return { value: null, special: CODES[s] };
  if (!/^\d+([.,]\d{1,2})?$/.test(s)) return undefined;
  const value = Number(s.replace(',', '.'));
  return value <= scale ? { value, special: null } : undefined;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** "2026-12-01 18:00" in the browser's time zone → an ISO instant; null when empty; undefined if unreadable. */
export function parseWhen(text: string): string | null | undefined {
  const s = text.trim();
  if (s === '') return null;
  const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}):(\d{2}))?$/.exec(s);
  if (!m) return undefined;
  const at = new Date(`${m[1]}T${m[2] ?? '00'}:${m[3] ?? '00'}:00`);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

function NewAssessmentForm({ establishmentId, groupId, subjectId }: { establishmentId: string; groupId: string; subjectId: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const create = useCreateAssessment(establishmentId);
  const [title, setTitle] = useState('');
  const [date, setDate] = useState(today());
  const [scale, setScale] = useState('20');
  const [coefficient, setCoefficient] = useState('1');
  const [kind, setKind] = useState<'normal' | 'optional' | 'bonus'>('normal');
  const [publishNow, setPublishNow] = useState(true);
  const [studentsAt, setStudentsAt] = useState('');
  const [relativesAt, setRelativesAt] = useState('');
  const [whenError, setWhenError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (create.isPending) return;
    const forStudents = publishNow ? new Date().toISOString() : parseWhen(studentsAt);
    const forRelatives = parseWhen(relativesAt);
    if (forStudents === undefined || forRelatives === undefined) {
      setWhenError(t('grades.entry.badWhen'));
      return;
    }
    setWhenError(null);
    create.mutate(
      {
        groupId,
        subjectId,
        title,
        date,
        kind,
        scale: Number(scale.replace(',', '.')),
        coefficient: Number(coefficient.replace(',', '.')),
        studentsAt: forStudents,
        relativesAt: forStudents ? forRelatives : null,
      },
      { onSuccess: () => setTitle('') },
    );
  };
  return (
    <Form onSubmit={submit} className="card grades-new" aria-labelledby="new-assessment">
      <h3 id="new-assessment">{t('grades.entry.newAssessment')}</h3>
      <TextInput label={t('grades.entry.titleLabel')} value={title} onChange={setTitle} isRequired name="title" />
      <TextInput label={t('grades.entry.dateLabel')} value={date} onChange={setDate} isRequired name="date" />
      <TextInput label={t('grades.entry.scale')} value={scale} onChange={setScale} isRequired name="scale" inputMode="decimal" />
      <TextInput label={t('grades.entry.coefficientLabel')} value={coefficient} onChange={setCoefficient} isRequired name="coefficient" inputMode="decimal" />
      <SelectInput
        label={t('grades.entry.kind')}
        value={kind}
        onChange={(id) => setKind(id as typeof kind)}
        options={(['normal', 'optional', 'bonus'] as const).map((k) => ({ id: k, label: t(`grades.entry.kinds.${k}`) }))}
      />
      <CheckboxInput name="publish-now" label={t('grades.entry.publishNow')} isSelected={publishNow} onChange={setPublishNow} />
      {!publishNow ? (
        <TextInput label={t('grades.entry.studentsAt')} description={t('grades.entry.whenHelp')} value={studentsAt} onChange={setStudentsAt} name="students-at" verbatim />
      ) : null}
      <TextInput label={t('grades.entry.relativesAt')} description={t('grades.entry.relativesHelp')} value={relativesAt} onChange={setRelativesAt} name="relatives-at" verbatim />
      {whenError ? <Notice tone="error">{whenError}</Notice> : null}
      {create.isError ? <Notice tone="error">{errorMessage(create.error)}</Notice> : null}
      {create.isSuccess ? <p role="status">{t('grades.entry.created')}</p> : null}
      <BusyButton type="submit" busy={create.isPending} className="button button--primary">
        {t('grades.entry.create')}
      </BusyButton>
    </Form>
  );
}

/** The grades of one assessment for the whole class, saved in one request. */
function AssessmentEntry({ establishmentId, sheet, assessmentId }: { establishmentId: string; sheet: GradeSheet; assessmentId: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const save = useEnterGrades(establishmentId);
  const assessment = sheet.assessments.find((a) => a.id === assessmentId);
  const initial = (id: string) => {
    const g = assessment?.grades[id];
    if (!g) return '';
    return g.special ? CODE_OF[g.special] : String(g.value ?? '').replace('.', ',');
  };
  const [texts, setTexts] = useState<Record<string, string>>(() => Object.fromEntries(sheet.students.map((s) => [s.id, initial(s.id)])));
  const [invalid, setInvalid] = useState<string | null>(null);
  if (!assessment) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    const grades = [];
    for (const s of sheet.students) {
      const parsed = parseGrade(texts[s.id] ?? '', assessment.scale);
      if (!parsed) {
        setInvalid(t('grades.entry.invalid', { name: s.displayName }));
        return;
      }
      grades.push({ studentId: s.id, ...parsed });
    }
    setInvalid(null);
    save.mutate({ assessmentId, body: { grades } });
  };
  return (
    <Form onSubmit={submit} className="card grades-entry" aria-labelledby="grades-editing">
      <h3 id="grades-editing">{t('grades.entry.editing', { title: assessment.title })}</h3>
      <p className="muted">{t('grades.entry.gradeHelp')}</p>
      <div className="grades-entry__fields">
        {sheet.students.map((s) => (
          <TextInput
            key={s.id}
            name={`grade-${s.id}`}
            label={t('grades.entry.gradeOf', { name: s.displayName, scale: assessment.scale })}
            value={texts[s.id] ?? ''}
            onChange={(v) => setTexts((prev) => ({ ...prev, [s.id]: v }))}
            verbatim
          />
        ))}
      </div>
      {invalid ? <Notice tone="error">{invalid}</Notice> : null}
      {save.isError ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
      {save.isSuccess ? <p role="status">{t('grades.entry.saved')}</p> : null}
      <BusyButton type="submit" busy={save.isPending} className="button button--primary">
        {t('grades.entry.save')}
      </BusyButton>
    </Form>
  );
}

/** The teacher's side (pick a class and subject, see the class × assessment grid, enter grades); the head reads every grid. */
export function GradeEntry({ establishmentId }: { establishmentId: string }) {
  const { t, i18n } = useTranslation();
  const formatDate = useFormatDate();
  const teachings = useTeachings(establishmentId);
  const [choice, setChoice] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const list = teachings.data?.teachings ?? [];
  const key = (g: string, s: string) => `${g}|${s}`;
  const current = choice ?? (list[0] ? key(list[0].group.id, list[0].subject.id) : null);
  const [groupId, subjectId] = current ? (current.split('|') as [string, string]) : [null, null];
  const canEnter = list.find((x) => key(x.group.id, x.subject.id) === current)?.canEnter ?? false;
  const heading = list.some((x) => x.canEnter) ? t('grades.entry.title') : t('grades.entry.overview');
  const sheet = useSheet(establishmentId, groupId, subjectId);
  const n = (v: number | null) => (v === null ? '—' : v.toLocaleString(i18n.language, { maximumFractionDigits: 2 }));
  if (teachings.isPending) return <Loading />;
  if (list.length === 0) return <p className="muted">{t('grades.entry.none')}</p>;
  return (
    <section aria-labelledby="grades-entry-title" className="grades-entry-section">
      <h2 id="grades-entry-title">{heading}</h2>
      <div className="switcher">
        <SelectInput
          label={t('grades.entry.teaching')}
          value={current ?? ''}
          onChange={(id) => {
            setChoice(id);
            setEditing(null);
          }}
          options={list.map((x) => ({ id: key(x.group.id, x.subject.id), label: `${x.group.name} — ${x.subject.name}` }))}
        />
      </div>
      {groupId && subjectId && canEnter ? <NewAssessmentForm establishmentId={establishmentId} groupId={groupId} subjectId={subjectId} /> : null}
      {sheet.data ? (
        <div className="grades-grid-wrap">
          <table className="grades-table grades-grid">
            <caption>{t('grades.entry.grid', { group: sheet.data.group.name, subject: sheet.data.subject.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('grades.entry.student')}</th>
                {sheet.data.assessments.map((a) => (
                  <th scope="col" key={a.id}>
                    {a.title}
                    <span className="muted">
                      {' '}
                      · {formatDate(a.date)} · /{n(a.scale)} · {t('grades.coefficient', { value: n(a.coefficient) })}
                      {a.studentsAt ? '' : ` · ${t('grades.entry.unpublished')}`}
                    </span>{' '}
                    {canEnter ? (
                      <Button className="button button--quiet" onPress={() => setEditing(a.id)} aria-label={`${t('grades.entry.edit')} : ${a.title}`}>
                        {t('grades.entry.edit')}
                      </Button>
                    ) : null}
                  </th>
                ))}
                <th scope="col">{t('grades.entry.average')}</th>
              </tr>
            </thead>
            <tbody>
              {sheet.data.students.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{s.displayName}</th>
                  {sheet.data.assessments.map((a) => (
                    <td key={a.id}>
                      <GradeText grade={a.grades[s.id] ?? null} scale={a.scale} />
                    </td>
                  ))}
                  <td>{n(s.average)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {editing && canEnter && sheet.data ? <AssessmentEntry key={editing} establishmentId={establishmentId} sheet={sheet.data} assessmentId={editing} /> : null}
    </section>
  );
}
