import type { Assessment, NewAssessment } from '@preau/contracts';
import { type FormEvent, useId, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/error-messages';
import { BusyButton } from '../../../lib/ui/BusyButton';
import { CheckboxInput } from '../../../lib/ui/CheckboxInput';
import { Notice } from '../../../lib/ui/Notice';
import { SelectInput } from '../../../lib/ui/SelectInput';
import { TextInput } from '../../../lib/ui/TextInput';
import { useCreateAssessment, useUpdateAssessment } from '../api';
import { formatWhen, parseWhen } from './grade-input';

const KINDS = ['normal', 'optional', 'bonus'] as const;
const today = () => new Date().toISOString().slice(0, 10);
const decimal = (n: number) => String(n).replace('.', ',');

/**
 * A new assessment, or an existing one edited (title, date, scale, coefficient, kind and both
 * publication times; its class and subject stay). A new one may be published at once; an edited
 * one shows its times, empty meaning "not published yet".
 */
export function AssessmentForm({
  establishmentId,
  groupId,
  subjectId,
  assessment,
  onDone,
}: {
  establishmentId: string;
  groupId: string;
  subjectId: string;
  assessment?: Assessment;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const headingId = useId();
  const create = useCreateAssessment(establishmentId);
  const update = useUpdateAssessment(establishmentId);
  const mutation = assessment ? update : create;
  const [title, setTitle] = useState(assessment?.title ?? '');
  const [date, setDate] = useState(assessment?.date ?? today());
  const [scale, setScale] = useState(decimal(assessment?.scale ?? 20));
  const [coefficient, setCoefficient] = useState(decimal(assessment?.coefficient ?? 1));
  const [kind, setKind] = useState<(typeof KINDS)[number]>(assessment?.kind ?? 'normal');
  const [publishNow, setPublishNow] = useState(!assessment);
  const [studentsAt, setStudentsAt] = useState(formatWhen(assessment?.studentsAt ?? null));
  const [relativesAt, setRelativesAt] = useState(formatWhen(assessment?.relativesAt ?? null));
  const [whenError, setWhenError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const forStudents = publishNow ? new Date().toISOString() : parseWhen(studentsAt);
    const forRelatives = parseWhen(relativesAt);
    if (forStudents === undefined || forRelatives === undefined) {
      setWhenError(t('grades.entry.badWhen'));
      return;
    }
    setWhenError(null);
    const body: NewAssessment = {
      groupId,
      subjectId,
      title,
      date,
      kind,
      scale: Number(scale.replace(',', '.')),
      coefficient: Number(coefficient.replace(',', '.')),
      studentsAt: forStudents,
      relativesAt: forStudents ? forRelatives : null,
    };
    if (assessment) update.mutate({ assessmentId: assessment.id, body }, { onSuccess: () => onDone?.() });
    else create.mutate(body, { onSuccess: () => setTitle('') });
  };
  return (
    <Form onSubmit={submit} className="card grades-new" aria-labelledby={headingId}>
      <h3 id={headingId}>{assessment ? t('grades.entry.editAssessment', { title: assessment.title }) : t('grades.entry.newAssessment')}</h3>
      <TextInput label={t('grades.entry.titleLabel')} value={title} onChange={setTitle} isRequired name="title" />
      <TextInput label={t('grades.entry.dateLabel')} value={date} onChange={setDate} isRequired name="date" />
      <TextInput label={t('grades.entry.scale')} value={scale} onChange={setScale} isRequired name="scale" inputMode="decimal" />
      <TextInput label={t('grades.entry.coefficientLabel')} value={coefficient} onChange={setCoefficient} isRequired name="coefficient" inputMode="decimal" />
      <SelectInput label={t('grades.entry.kind')} value={kind} onChange={(id) => setKind(id as typeof kind)} options={KINDS.map((k) => ({ id: k, label: t(`grades.entry.kinds.${k}`) }))} />
      <CheckboxInput name="publish-now" label={t('grades.entry.publishNow')} isSelected={publishNow} onChange={setPublishNow} />
      {!publishNow ? (
        <TextInput label={t('grades.entry.studentsAt')} description={t('grades.entry.whenHelp')} value={studentsAt} onChange={setStudentsAt} name="students-at" verbatim />
      ) : null}
      <TextInput label={t('grades.entry.relativesAt')} description={t('grades.entry.relativesHelp')} value={relativesAt} onChange={setRelativesAt} name="relatives-at" verbatim />
      {whenError ? <Notice tone="error">{whenError}</Notice> : null}
      {mutation.isError ? <Notice tone="error">{errorMessage(mutation.error)}</Notice> : null}
      {create.isSuccess ? <p role="status">{t('grades.entry.created')}</p> : null}
      <div className="grades-actions">
        <BusyButton type="submit" busy={mutation.isPending} className="button button--primary">
          {assessment ? t('grades.entry.update') : t('grades.entry.create')}
        </BusyButton>
        {assessment && onDone ? (
          <Button className="button button--secondary" onPress={onDone}>
            {t('common.cancel')}
          </Button>
        ) : null}
      </div>
    </Form>
  );
}
