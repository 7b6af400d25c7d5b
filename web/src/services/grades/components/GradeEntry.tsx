import type { GradeSheet } from '@preau/contracts';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/error-messages';
import { useFormatDate } from '../../../lib/format';
import { Loading } from '../../../lib/ui/Page';
import { SelectInput } from '../../../lib/ui/SelectInput';
import { ConfirmDialog } from '../../admin/components/ConfirmDialog';
import { useDeleteAssessment, useSheet, useTeachings } from '../api';
import { AssessmentForm } from './AssessmentForm';
import { AssessmentGrades } from './AssessmentGrades';
import { GradeText } from './ReportView';

type Action = { kind: 'grades' | 'edit' | 'delete'; id: string };

/** Asks before deleting; when grades were entered, says how many go with the assessment. */
function DeleteAssessment({ establishmentId, sheet, id, onClose }: { establishmentId: string; sheet: GradeSheet; id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const remove = useDeleteAssessment(establishmentId);
  const assessment = sheet.assessments.find((a) => a.id === id);
  if (!assessment) return null;
  const count = Object.keys(assessment.grades).length;
  return (
    <ConfirmDialog
      isOpen
      title={t('grades.entry.deleteTitle', { title: assessment.title })}
      body={count > 0 ? t('grades.entry.deleteWithGrades', { count }) : t('grades.entry.deleteEmpty')}
      confirmLabel={t('grades.entry.deleteConfirm')}
      busy={remove.isPending}
      error={remove.isError ? errorMessage(remove.error) : null}
      onConfirm={() => remove.mutate({ assessmentId: id, withGrades: count > 0 }, { onSuccess: onClose })}
      onClose={onClose}
    />
  );
}

/** The teacher's side (pick a class and subject, see the class × assessment grid, enter, edit or delete); the head reads every grid. */
export function GradeEntry({ establishmentId }: { establishmentId: string }) {
  const { t, i18n } = useTranslation();
  const formatDate = useFormatDate();
  const teachings = useTeachings(establishmentId);
  const [choice, setChoice] = useState<string | null>(null);
  const [action, setAction] = useState<Action | null>(null);
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
  const editing = action?.kind === 'edit' ? sheet.data?.assessments.find((a) => a.id === action.id) : undefined;
  return (
    <section aria-labelledby="grades-entry-title" className="grades-entry-section">
      <h2 id="grades-entry-title">{heading}</h2>
      <div className="switcher">
        <SelectInput
          label={t('grades.entry.teaching')}
          value={current ?? ''}
          onChange={(id) => {
            setChoice(id);
            setAction(null);
          }}
          options={list.map((x) => ({ id: key(x.group.id, x.subject.id), label: `${x.group.name} — ${x.subject.name}` }))}
        />
      </div>
      {groupId && subjectId && canEnter ? <AssessmentForm establishmentId={establishmentId} groupId={groupId} subjectId={subjectId} /> : null}
      {sheet.data ? (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
        <section className="grades-grid-wrap" tabIndex={0} aria-label={t('grades.entry.grid', { group: sheet.data.group.name, subject: sheet.data.subject.name })}>
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
                      {a.kind !== 'normal' ? ` · ${t(`grades.${a.kind}`)}` : ''}
                      {a.studentsAt ? '' : ` · ${t('grades.entry.unpublished')}`}
                    </span>{' '}
                    {canEnter ? (
                      <span className="grades-actions">
                        {(['grades', 'edit', 'delete'] as const).map((kind) => (
                          <Button key={kind} className="button button--quiet" onPress={() => setAction({ kind, id: a.id })} aria-label={`${t(`grades.entry.actions.${kind}`)} : ${a.title}`}>
                            {t(`grades.entry.actions.${kind}`)}
                          </Button>
                        ))}
                      </span>
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
        </section>
      ) : null}
      {canEnter && sheet.data && action?.kind === 'grades' ? <AssessmentGrades key={action.id} establishmentId={establishmentId} sheet={sheet.data} assessmentId={action.id} /> : null}
      {canEnter && groupId && subjectId && editing ? (
        <AssessmentForm key={editing.id} establishmentId={establishmentId} groupId={groupId} subjectId={subjectId} assessment={editing} onDone={() => setAction(null)} />
      ) : null}
      {canEnter && sheet.data && action?.kind === 'delete' ? <DeleteAssessment establishmentId={establishmentId} sheet={sheet.data} id={action.id} onClose={() => setAction(null)} /> : null}
    </section>
  );
}
