import type { GradeSheet } from '@preau/contracts';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/error-messages';
import { BusyButton } from '../../../lib/ui/BusyButton';
import { Notice } from '../../../lib/ui/Notice';
import { TextInput } from '../../../lib/ui/TextInput';
import { useEnterGrades } from '../api';
import { gradeText, parseGrade } from './grade-input';

/** The grades of one assessment for the whole class, saved in one request. */
export function AssessmentGrades({ establishmentId, sheet, assessmentId }: { establishmentId: string; sheet: GradeSheet; assessmentId: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const save = useEnterGrades(establishmentId);
  const assessment = sheet.assessments.find((a) => a.id === assessmentId);
  const [texts, setTexts] = useState<Record<string, string>>(() => Object.fromEntries(sheet.students.map((s) => [s.id, gradeText(assessment?.grades[s.id])])));
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
