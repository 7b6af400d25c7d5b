import { ASSIGNABLE_FUNCTIONS, type PersonnelFunction } from '@preau/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/error-messages';
import { BusyButton } from '../../../lib/ui/BusyButton';
import { CheckboxInput } from '../../../lib/ui/CheckboxInput';
import { Notice } from '../../../lib/ui/Notice';
import { saveFunctions } from '../api';

/** Checkboxes for the functions an establishment's administrators give; admin_local is shown, not editable. */
export function FunctionsEditor({ establishmentId, personId, current }: { establishmentId: string; personId: string; current: PersonnelFunction[] }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<Set<PersonnelFunction>>(() => new Set(current.filter((f) => f !== 'admin_local')));
  const save = useMutation({
    mutationFn: () => saveFunctions(establishmentId, personId, ASSIGNABLE_FUNCTIONS.filter((f) => chosen.has(f))),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin'] }),
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!save.isPending) save.mutate();
  };
  return (
    <section aria-labelledby="functions-title" className="admin-section card">
      <h2 id="functions-title">{t('admin.person.functionsTitle')}</h2>
      <p className="muted">{t('admin.person.functionsHelp')}</p>
      {current.includes('admin_local') ? <p>{t('admin.person.adminLocalNote')}</p> : null}
      <Form onSubmit={onSubmit}>
        <ul className="admin-checks">
          {ASSIGNABLE_FUNCTIONS.map((f) => (
            <li key={f}>
              <CheckboxInput
                name="functions"
                label={t(`functions.${f}`)}
                isSelected={chosen.has(f)}
                onChange={(selected) => {
                  save.reset();
                  setChosen((set) => {
                    const next = new Set(set);
                    if (selected) next.add(f);
                    else next.delete(f);
                    return next;
                  });
                }}
              />
            </li>
          ))}
        </ul>
        {save.error ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
        <p role="status" className="account-status">
          {save.isSuccess ? t('admin.person.functionsSaved') : ''}
        </p>
        <BusyButton type="submit" className="button button--primary" busy={save.isPending}>
          {t('admin.person.saveFunctions')}
        </BusyButton>
      </Form>
    </section>
  );
}
