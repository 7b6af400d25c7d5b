import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session';
import { useFormatDate } from '../../../lib/format';
import { Loading } from '../../../lib/ui/Page';
import { SelectInput } from '../../../lib/ui/SelectInput';
import { useErrorMessage } from '../../../lib/error-messages';
import { Notice } from '../../../lib/ui/Notice';
import { useDeleteAssessment, useSheet, useTeachings } from '../api';
import { NewAssessmentForm, NewItemForm } from './NewAssessmentForm';
import { ResultsGrid, skillLabel } from './ResultsGrid';

/**
 * The teacher's side: pick a class and subject, create a skills assessment, open one to enter the
 * class's results. The head and deputies read every class's assessments.
 */
export function SkillEntry({ establishmentId }: { establishmentId: string }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const formatDate = useFormatDate();
  const teachings = useTeachings(establishmentId);
  const [choice, setChoice] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  // Deleting takes two presses: the second names what goes (the assessment and its results).
  const [deleting, setDeleting] = useState<string | null>(null);
  const remove = useDeleteAssessment(establishmentId);
  const errorMessage = useErrorMessage();
  const list = teachings.data?.teachings ?? [];
  const key = (g: string, s: string) => `${g}|${s}`;
  const current = choice ?? (list[0] ? key(list[0].group.id, list[0].subject.id) : null);
  const [groupId, subjectId] = current ? (current.split('|') as [string, string]) : [null, null];
  const sheet = useSheet(establishmentId, groupId, subjectId);
  if (teachings.isPending) return <Loading />;
  if (list.length === 0) return <p className="muted">{t('skills.entry.none')}</p>;
  const heading = list.some((x) => x.canEnter) ? t('skills.entry.title') : t('skills.entry.overview');
  const opened = sheet.data?.assessments.find((a) => a.id === open) ?? null;
  return (
    <section aria-labelledby="skills-entry-title" className="skills-section">
      <h2 id="skills-entry-title">{heading}</h2>
      <SelectInput
        label={t('skills.entry.teaching')}
        value={current ?? ''}
        onChange={(id) => {
          setChoice(id);
          setOpen(null);
        }}
        options={list.map((x) => ({ id: key(x.group.id, x.subject.id), label: `${x.group.name} — ${x.subject.name}` }))}
      />
      {sheet.data?.canEnter ? <NewAssessmentForm key={current} establishmentId={establishmentId} sheet={sheet.data} /> : null}
      {/* The head and deputies read the grids and add the establishment's skills (for this subject or all). */}
      {sheet.data && !sheet.data.canEnter && can('skills.manage') ? (
        <div className="card">
          <NewItemForm key={current} establishmentId={establishmentId} subjectId={sheet.data.subject.id} />
        </div>
      ) : null}
      {sheet.data && sheet.data.assessments.length > 0 ? (
        <table className="skills-table">
          <caption>{t('skills.entry.assessments')}</caption>
          <tbody>
            {sheet.data.assessments.map((a) => (
              <tr key={a.id}>
                <th scope="row">
                  {a.title}
                  <span className="muted">
                    {' '}
                    · {formatDate(a.date)}
                    {a.studentsAt ? '' : ` · ${t('skills.entry.unpublished')}`}
                  </span>
                </th>
                <td>{a.skills.map(skillLabel).join(', ')}</td>
                <td>
                  <Button className="button button--quiet" onPress={() => setOpen(a.id)} aria-label={`${t('skills.entry.open')} : ${a.title}`}>
                    {t('skills.entry.open')}
                  </Button>{' '}
                  {sheet.data?.canEnter && deleting !== a.id ? (
                    <Button className="button button--quiet" onPress={() => setDeleting(a.id)} aria-label={`${t('skills.entry.delete')} : ${a.title}`}>
                      {t('skills.entry.delete')}
                    </Button>
                  ) : null}
                  {deleting === a.id ? (
                    <>
                      <Button
                        className="button button--danger"
                        onPress={() =>
                          remove.mutate(a.id, {
                            onSuccess: () => {
                              setDeleting(null);
                              if (open === a.id) setOpen(null);
                            },
                          })
                        }
                      >
                        {t('skills.entry.confirmDelete', { title: a.title })}
                      </Button>{' '}
                      <Button className="button button--quiet" onPress={() => setDeleting(null)}>
                        {t('skills.entry.cancel')}
                      </Button>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {remove.isError ? <Notice tone="error">{errorMessage(remove.error)}</Notice> : null}
      {remove.isSuccess ? <p role="status">{t('skills.entry.deleted')}</p> : null}
      {opened && sheet.data ? <ResultsGrid key={opened.id} establishmentId={establishmentId} sheet={sheet.data} assessment={opened} /> : null}
    </section>
  );
}
