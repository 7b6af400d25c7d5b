import { GROUP_KINDS, type GroupKind } from '@preau/contracts';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client';
import { useErrorMessage } from '../../../lib/error-messages';
import { BusyButton } from '../../../lib/ui/BusyButton';
import { Notice, RequiredNote } from '../../../lib/ui/Notice';
import { SelectInput } from '../../../lib/ui/SelectInput';
import { TextInput } from '../../../lib/ui/TextInput';
import { structuresApi } from '../structures-api';
import type { StructureDetail } from '@preau/contracts';
import { ClassesChoice } from './ClassesChoice';

/** Kind, name, and the level of a class or the classes of a teaching group. */
export function NewStructureForm({ establishmentId, onCreated }: { establishmentId: string; onCreated: (s: StructureDetail) => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [kind, setKind] = useState<GroupKind>('class');
  const [name, setName] = useState('');
  const [level, setLevel] = useState('');
  const [classIds, setClassIds] = useState<string[]>([]);
  const create = useMutation({
    mutationFn: () =>
      structuresApi.create(establishmentId, {
        kind,
        name,
        ...(kind === 'class' && level.trim() ? { level } : {}),
        ...(kind === 'teaching_group' ? { classIds } : {}),
      }),
    onSuccess: onCreated,
  });
  const fieldError = (field: string) => {
    const error = create.error;
    if (!isApiError(error) || !error.details.some((d) => d.field === field || d.field.startsWith(`${field}.`))) return null;
    return errorMessage(error);
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!create.isPending) create.mutate();
  };
  return (
    <section aria-labelledby="new-structure-title" className="admin-section card">
      <h2 id="new-structure-title">{t('admin.structures.create')}</h2>
      <Form className="admin-form" onSubmit={onSubmit} validationBehavior="aria">
        <div className="admin-form__wide">
          <RequiredNote />
        </div>
        <SelectInput
          label={t('admin.structures.kind')}
          name="kind"
          value={kind}
          onChange={(k) => setKind(k as GroupKind)}
          options={GROUP_KINDS.map((k) => ({ id: k, label: t(`admin.structures.kinds.${k}`) }))}
        />
        <TextInput label={t('admin.structures.name')} name="name" value={name} onChange={setName} isRequired maxLength={80} errorMessage={fieldError('body.name')} />
        {kind === 'class' ? (
          <TextInput label={t('admin.structures.level')} description={t('admin.structures.levelHelp')} name="level" value={level} onChange={setLevel} maxLength={40} />
        ) : null}
        {kind === 'teaching_group' ? <ClassesChoice establishmentId={establishmentId} value={classIds} onChange={setClassIds} /> : null}
        {create.error && !fieldError('body.name') ? (
          <div className="admin-form__wide">
            <Notice tone="error">{errorMessage(create.error)}</Notice>
          </div>
        ) : null}
        <div className="admin-form__wide">
          <BusyButton type="submit" className="button button--primary" busy={create.isPending}>
            {t('admin.structures.createSubmit')}
          </BusyButton>
        </div>
      </Form>
    </section>
  );
}
