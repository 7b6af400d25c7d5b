import type { IncidentType } from '@preau/contracts';
import { type FormEvent, useId, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/error-messages';
import { BusyButton } from '../../../lib/ui/BusyButton';
import { CheckboxInput } from '../../../lib/ui/CheckboxInput';
import { Notice } from '../../../lib/ui/Notice';
import { TextInput } from '../../../lib/ui/TextInput';
import { useSaveTypes } from '../api';

type Row = { code: string; label: string; active: boolean };

/** Vie scolaire's list of incident types: labels, new codes, and types no longer offered. */
export function TypesForm({ establishmentId, types }: { establishmentId: string; types: IncidentType[] }) {
  const { t } = useTranslation();
  const id = useId();
  const errorMessage = useErrorMessage();
  const [rows, setRows] = useState<Row[]>(types.map((type) => ({ code: type.code, label: type.label, active: type.active })));
  const save = useSaveTypes(establishmentId);
  const update = (i: number, patch: Partial<Row>) => setRows((list) => list.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    save.mutate({ types: rows.filter((r) => r.code || r.label) });
  };
  return (
    <details className="card discipline-form">
      <summary>{t('discipline.types.title')}</summary>
      <form onSubmit={submit} aria-labelledby={`${id}-title`}>
        <p id={`${id}-title`} className="muted">
          {t('discipline.types.intro')}
        </p>
        <ul className="discipline-list">
          {rows.map((r, i) => (
            // Rows are edited in place and only appended to: the position is their identity.
            // biome-ignore lint/suspicious/noArrayIndexKey: append-only rows
            <li key={i} className="discipline-form__student">
              <TextInput label={t('discipline.types.code', { n: i + 1 })} value={r.code} onChange={(code) => update(i, { code })} verbatim isReadOnly={i < types.length} />
              <TextInput label={t('discipline.types.label', { n: i + 1 })} value={r.label} onChange={(label) => update(i, { label })} />
              <CheckboxInput name={`type-${i}`} label={t('discipline.types.active')} isSelected={r.active} onChange={(active) => update(i, { active })} />
            </li>
          ))}
        </ul>
        <Button className="button button--small" onPress={() => setRows((list) => [...list, { code: '', label: '', active: true }])}>
          {t('discipline.types.add')}
        </Button>{' '}
        <BusyButton type="submit" className="button" busy={save.isPending}>
          {t('discipline.types.save')}
        </BusyButton>
        {save.isError ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
        {save.isSuccess ? <Notice tone="success">{t('discipline.types.saved')}</Notice> : null}
      </form>
    </details>
  );
}
