import { SUBJECT_APPRECIATION_MAX } from '@preau/contracts';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/error-messages';
import { BusyButton } from '../../../lib/ui/BusyButton';
import { Notice } from '../../../lib/ui/Notice';
import { Loading } from '../../../lib/ui/Page';
import { useAppreciationGrid, useSaveAppreciations } from '../api';
import { decimal } from './format';
import { TextAreaField } from './TextAreaField';

type Props = { establishmentId: string; groupId: string; periodId: string; subjectId: string };

/** A subject teacher's appreciations for the class and period: one field per student, saved together. */
export function AppreciationForm({ establishmentId, groupId, periodId, subjectId }: Props) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const grid = useAppreciationGrid(establishmentId, groupId, periodId, subjectId);
  const save = useSaveAppreciations(establishmentId);
  const [texts, setTexts] = useState<Record<string, string>>({});
  useEffect(() => {
    if (grid.data) setTexts(Object.fromEntries(grid.data.students.map((s) => [s.id, s.appreciation ?? ''])));
  }, [grid.data]);
  if (grid.isPending) return <Loading />;
  if (grid.isError) return <Notice tone="error">{errorMessage(grid.error)}</Notice>;
  const data = grid.data;
  const n = (v: number | null) => decimal(v, i18n.language);
  const tooLong = Object.values(texts).some((text) => text.trim().length > SUBJECT_APPRECIATION_MAX);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending || tooLong || !data.editable || data.students.length === 0) return;
    save.mutate({ groupId, periodId, subjectId, appreciations: data.students.map((s) => ({ studentId: s.id, text: (texts[s.id] ?? '').trim() })) });
  };
  const captionId = `grid-${subjectId}`;
  return (
    <form onSubmit={submit} className="report-cards__form" aria-labelledby={captionId}>
      <p className="muted">{t('reportCards.classFigures', { average: n(data.classFigures.average), min: n(data.classFigures.min), max: n(data.classFigures.max) })}</p>
      {!data.editable && data.council.state === 'closed' ? <Notice tone="info">{t('reportCards.closedNotice')}</Notice> : null}
      <table className="report-cards__table">
        <caption id={captionId}>{t('reportCards.gridTitle', { subject: data.subject.name, group: data.council.group.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reportCards.student')}</th>
            <th scope="col">{t('reportCards.average')}</th>
            <th scope="col">{t('reportCards.appreciation')}</th>
          </tr>
        </thead>
        <tbody>
          {data.students.map((s) => (
            <tr key={s.id}>
              <th scope="row">{s.name}</th>
              <td>{n(s.average)}</td>
              <td>
                {data.editable ? (
                  <TextAreaField
                    hideLabel
                    label={t('reportCards.appreciationFor', { name: s.name })}
                    value={texts[s.id] ?? ''}
                    onChange={(value) => setTexts((all) => ({ ...all, [s.id]: value }))}
                    max={SUBJECT_APPRECIATION_MAX}
                  />
                ) : (
                  (s.appreciation ?? '—')
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {data.editable ? (
        <BusyButton type="submit" className="button button--primary" busy={save.isPending}>
          {t('reportCards.save')}
        </BusyButton>
      ) : null}
      {save.isError ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
      {save.isSuccess ? <Notice tone="success">{t('reportCards.saved')}</Notice> : null}
    </form>
  );
}
