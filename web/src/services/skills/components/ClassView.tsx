import { COMPONENT_CODES } from '@preau/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/error-messages';
import { Notice } from '../../../lib/ui/Notice';
import { SelectInput } from '../../../lib/ui/SelectInput';
import { useClassView, useTeachings } from '../api';
import { componentKey } from '../i18n';
import { LevelBadge } from './LevelBadge';

/** Teachers and the head: the students of a class × the eight components, each a positioning over the period. */
export function ClassView({ establishmentId, periodId }: { establishmentId: string; periodId: string | null }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const teachings = useTeachings(establishmentId);
  const groups = [...new Map((teachings.data?.teachings ?? []).map((x) => [x.group.id, x.group])).values()];
  const [choice, setChoice] = useState<string | null>(null);
  const groupId = choice ?? groups[0]?.id ?? null;
  const view = useClassView(establishmentId, groupId, periodId);
  if (groups.length === 0) return null;
  return (
    <section aria-labelledby="skills-class-title" className="skills-section">
      <h2 id="skills-class-title">{t('skills.classView.title')}</h2>
      <SelectInput label={t('skills.classView.group')} value={groupId ?? ''} onChange={setChoice} options={groups.map((g) => ({ id: g.id, label: g.name }))} />
      {view.isError ? <Notice tone="error">{errorMessage(view.error)}</Notice> : null}
      {view.data ? (
        <div className="skills-grid-wrap">
          <table className="skills-table" data-testid="skills-class">
            <caption>{t('skills.classView.caption', { group: view.data.group.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('skills.entry.student')}</th>
                {COMPONENT_CODES.map((code) => (
                  <th scope="col" key={code}>
                    <abbr title={t(`skills.components.${componentKey(code)}`)}>{code}</abbr>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {view.data.students.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{s.displayName}</th>
                  {COMPONENT_CODES.map((code) => (
                    <td key={code}>
                      <LevelBadge value={s.positionings[code] ?? null} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
