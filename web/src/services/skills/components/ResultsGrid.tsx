import type { SkillResultValue, SkillSheet } from '@preau/contracts';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/error-messages';
import { BusyButton } from '../../../lib/ui/BusyButton';
import { Notice } from '../../../lib/ui/Notice';
import { useEnterResults } from '../api';
import { LevelBadge } from './LevelBadge';

type Assessment = SkillSheet['assessments'][number];
const cellKey = (skillId: string, studentId: string) => `${skillId}|${studentId}`;

/** What a cell's list holds → the value sent ('' clears). */
export function parseCell(text: string): SkillResultValue | null {
  if (text === 'absent') return 'absent';
  const level = Number(text);
  return text !== '' && [1, 2, 3, 4].includes(level) ? (level as 1 | 2 | 3 | 4) : null;
}

export function skillLabel(skill: Assessment['skills'][number]): string {
  return skill.item ? `${skill.component} · ${skill.item.label}` : skill.component;
}

/**
 * The students × skills of one assessment. Each cell is a native list (Tab moves between cells;
 * typing 1 to 4 or "a" picks the level or "Absent"); its colour follows the level and its text
 * says it. The whole grid is saved in one request. Read only for the head and deputies.
 */
export function ResultsGrid({ establishmentId, sheet, assessment }: { establishmentId: string; sheet: SkillSheet; assessment: Assessment }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const save = useEnterResults(establishmentId);
  const [cells, setCells] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      assessment.skills.flatMap((k) => sheet.students.map((s) => [cellKey(k.id, s.id), String(assessment.results[k.id]?.[s.id] ?? '')])),
    ),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    const results = assessment.skills.flatMap((k) => sheet.students.map((s) => ({ skillId: k.id, studentId: s.id, value: parseCell(cells[cellKey(k.id, s.id)] ?? '') })));
    save.mutate({ assessmentId: assessment.id, body: { results } });
  };
  const table = (
    <div className="skills-grid-wrap">
      <table className="skills-table">
        <caption>{t('skills.entry.grid', { title: assessment.title })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('skills.entry.student')}</th>
            {assessment.skills.map((k) => (
              <th scope="col" key={k.id}>
                {skillLabel(k)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sheet.students.map((s) => (
            <tr key={s.id}>
              <th scope="row">{s.displayName}</th>
              {assessment.skills.map((k) => {
                const key = cellKey(k.id, s.id);
                const value = cells[key] ?? '';
                return (
                  <td key={k.id}>
                    {sheet.canEnter ? (
                      <select
                        className="skills-cell"
                        data-level={value}
                        aria-label={t('skills.entry.cellLabel', { student: s.displayName, skill: skillLabel(k) })}
                        value={value}
                        onChange={(e) => setCells((prev) => ({ ...prev, [key]: e.target.value }))}
                      >
                        <option value="">{t('skills.entry.unset')}</option>
                        {[1, 2, 3, 4].map((level) => (
                          <option key={level} value={String(level)}>
                            {level} · {t(`skills.levels.${level}`)}
                          </option>
                        ))}
                        <option value="absent">{t('skills.absent')}</option>
                      </select>
                    ) : (
                      <LevelBadge value={parseCell(value)} />
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  if (!sheet.canEnter) return table;
  return (
    <Form onSubmit={submit} className="card" aria-label={t('skills.entry.grid', { title: assessment.title })}>
      <p className="muted">{t('skills.entry.gridHelp')}</p>
      {table}
      {save.isError ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
      {save.isSuccess ? <p role="status">{t('skills.entry.saved')}</p> : null}
      <BusyButton type="submit" busy={save.isPending} className="button button--primary">
        {t('skills.entry.save')}
      </BusyButton>
    </Form>
  );
}
