import type { StructureDetail } from '@preau/contracts';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client';
import { useErrorMessage } from '../../../lib/error-messages';
import { BusyButton } from '../../../lib/ui/BusyButton';
import { Notice } from '../../../lib/ui/Notice';
import { TextInput } from '../../../lib/ui/TextInput';
import { structuresApi } from '../structures-api';
import { ClassesChoice } from './ClassesChoice';
import { useStructureChange } from './useStructureChange';

/** Name, and the level of a class or the classes a teaching group spans. */
export function StructureEditForm({ establishmentId, structure }: { establishmentId: string; structure: StructureDetail }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [name, setName] = useState(structure.name);
  const [level, setLevel] = useState(structure.level ?? '');
  const [classIds, setClassIds] = useState(structure.classes.map((c) => c.id));
  const save = useStructureChange(establishmentId, structure.id, () =>
    structuresApi.update(establishmentId, structure.id, {
      name,
      ...(structure.kind === 'class' ? { level: level.trim() ? level : null } : {}),
      ...(structure.kind === 'teaching_group' ? { classIds } : {}),
    }),
  );
  const nameError = isApiError(save.error) && save.error.details.some((d) => d.field === 'body.name') ? errorMessage(save.error) : null;
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!save.isPending) save.mutate(undefined);
  };
  return (
    <section aria-labelledby="edit-title" className="admin-section card">
      <h2 id="edit-title">{t('admin.structure.edit')}</h2>
      <Form className="admin-form" onSubmit={onSubmit} validationBehavior="aria">
        <TextInput label={t('admin.structures.name')} name="name" value={name} onChange={setName} isRequired maxLength={80} errorMessage={nameError} />
        {structure.kind === 'class' ? (
          <TextInput label={t('admin.structures.level')} description={t('admin.structures.levelHelp')} name="level" value={level} onChange={setLevel} maxLength={40} />
        ) : null}
        {structure.kind === 'teaching_group' ? <ClassesChoice establishmentId={establishmentId} value={classIds} onChange={setClassIds} /> : null}
        {save.error && !nameError ? (
          <div className="admin-form__wide">
            <Notice tone="error">{errorMessage(save.error)}</Notice>
          </div>
        ) : null}
        <div className="admin-form__wide admin-actions">
          <BusyButton type="submit" className="button button--primary" busy={save.isPending}>
            {t('admin.structure.save')}
          </BusyButton>
          <span role="status">{save.isSuccess ? t('admin.structure.saved') : ''}</span>
        </div>
      </Form>
    </section>
  );
}
