import type { ClassCoefficients } from '@preau/contracts';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/error-messages';
import { BusyButton } from '../../../lib/ui/BusyButton';
import { Notice } from '../../../lib/ui/Notice';
import { Loading } from '../../../lib/ui/Page';
import { TextInput } from '../../../lib/ui/TextInput';
import { useClassCoefficients, useSaveCoefficients } from '../api';

/** "2,5" or "2.5", 0 to 100, two decimals at most; undefined otherwise. */
export function parseCoefficient(text: string): number | undefined {
  const s = text.trim();
  if (!/^\d{1,3}([.,]\d{1,2})?$/.test(s)) return undefined;
  const value = Number(s.replace(',', '.'));
  return value <= 100 ? value : undefined;
}

function Fields({ establishmentId, data }: { establishmentId: string; data: ClassCoefficients }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const save = useSaveCoefficients(establishmentId);
  const [texts, setTexts] = useState<Record<string, string>>(() => Object.fromEntries(data.subjects.map((s) => [s.subject.id, String(s.coefficient).replace('.', ',')])));
  const [invalid, setInvalid] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    const coefficients = [];
    for (const s of data.subjects) {
      const value = parseCoefficient(texts[s.subject.id] ?? '');
      if (value === undefined) {
        setInvalid(t('grades.coefficients.invalid', { subject: s.subject.name }));
        return;
      }
      coefficients.push({ subjectId: s.subject.id, coefficient: value });
    }
    setInvalid(null);
    save.mutate({ groupId: data.group.id, coefficients });
  };
  if (data.subjects.length === 0) return <p className="muted">{t('grades.coefficients.none')}</p>;
  return (
    <Form onSubmit={submit} className="card grades-coefficients" aria-labelledby="grades-coefficients-title">
      <h3 id="grades-coefficients-title">{t('grades.coefficients.title', { group: data.group.name })}</h3>
      <p className="muted">{t('grades.coefficients.help')}</p>
      <div className="grades-entry__fields">
        {data.subjects.map((s) => (
          <TextInput
            key={s.subject.id}
            name={`coefficient-${s.subject.id}`}
            label={t('grades.coefficients.of', { subject: s.subject.name })}
            value={texts[s.subject.id] ?? ''}
            onChange={(v) => setTexts((prev) => ({ ...prev, [s.subject.id]: v }))}
            inputMode="decimal"
            verbatim
          />
        ))}
      </div>
      {invalid ? <Notice tone="error">{invalid}</Notice> : null}
      {save.isError ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
      {save.isSuccess ? <p role="status">{t('grades.coefficients.saved')}</p> : null}
      <BusyButton type="submit" busy={save.isPending} className="button button--primary">
        {t('grades.coefficients.save')}
      </BusyButton>
    </Form>
  );
}

/** The head's editor of a class's subject coefficients (for the general average; 1 when not set). */
export function CoefficientsForm({ establishmentId, groupId }: { establishmentId: string; groupId: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const query = useClassCoefficients(establishmentId, groupId, true);
  if (query.isPending) return <Loading />;
  if (query.isError) return <Notice tone="error">{errorMessage(query.error)}</Notice>;
  return query.data ? <Fields establishmentId={establishmentId} data={query.data} /> : <p className="muted">{t('grades.coefficients.none')}</p>;
}
