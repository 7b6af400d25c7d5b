import type { GradePeriod } from '@preau/contracts';
import { type FormEvent, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/error-messages';
import { BusyButton } from '../../../lib/ui/BusyButton';
import { Notice } from '../../../lib/ui/Notice';
import { TextInput } from '../../../lib/ui/TextInput';
import { useSavePeriods } from '../api';

type Row = { key: number; name: string; startsOn: string; endsOn: string };
let nextKey = 0;

/** The head's trimesters or semesters: names and dates, saved together (the server refuses overlaps). */
export function PeriodsForm({ establishmentId, periods }: { establishmentId: string; periods: GradePeriod[] }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const save = useSavePeriods(establishmentId);
  const [rows, setRows] = useState<Row[]>(() => periods.map(({ name, startsOn, endsOn }) => ({ key: nextKey++, name, startsOn, endsOn })));
  const update = (i: number, patch: Partial<Row>) => setRows((prev) => prev.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!save.isPending) save.mutate({ periods: rows.map(({ name, startsOn, endsOn }) => ({ name, startsOn, endsOn })) });
  };
  return (
    <Form onSubmit={submit} className="card grades-periods" aria-labelledby="grades-periods-title">
      <h2 id="grades-periods-title">{t('grades.periods.title')}</h2>
      {rows.map((row, i) => (
        <fieldset key={row.key} className="grades-periods__row">
          <legend>{t('grades.periods.legend', { n: i + 1 })}</legend>
          <TextInput label={t('grades.periods.name')} value={row.name} onChange={(name) => update(i, { name })} isRequired />
          <TextInput label={t('grades.periods.startsOn')} value={row.startsOn} onChange={(startsOn) => update(i, { startsOn })} isRequired verbatim />
          <TextInput label={t('grades.periods.endsOn')} value={row.endsOn} onChange={(endsOn) => update(i, { endsOn })} isRequired verbatim />
          <Button className="button button--quiet" onPress={() => setRows((prev) => prev.filter((_, k) => k !== i))}>
            {t('grades.periods.remove', { n: i + 1 })}
          </Button>
        </fieldset>
      ))}
      {rows.length < 6 ? (
        <Button className="button button--quiet" onPress={() => setRows((prev) => [...prev, { key: nextKey++, name: '', startsOn: '', endsOn: '' }])}>
          {t('grades.periods.add')}
        </Button>
      ) : null}
      {save.isError ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
      {save.isSuccess ? <p role="status">{t('grades.periods.saved')}</p> : null}
      <BusyButton type="submit" busy={save.isPending} className="button button--primary">
        {t('grades.periods.save')}
      </BusyButton>
    </Form>
  );
}
