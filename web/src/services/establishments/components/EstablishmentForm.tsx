import { ESTABLISHMENT_TYPES, type Establishment, type EstablishmentType } from '@preau/contracts';
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
import { createEstablishment, type EstablishmentDraft } from '../api';
import { looksLikeUai } from '../uai';

type Field = 'uai' | 'name' | 'postalCode';
type FieldErrors = Partial<Record<Field, string>>;
const EMPTY = { uai: '', name: '', type: 'college' as EstablishmentType, academy: '', postalCode: '', city: '' };

/** Server answers that concern one field are shown on that field, where the person will fix them. */
const FIELD_OF_ERROR: Record<string, Field> = { 'directory.invalid_uai': 'uai', 'directory.establishment_exists': 'uai' };
/** validation.failed names the field as "body.<name>". */
const FIELD_OF_DETAIL: Record<string, Field> = { 'body.uai': 'uai', 'body.name': 'name', 'body.postalCode': 'postalCode' };

export function EstablishmentForm({ onCreated }: { onCreated: (establishment: Establishment) => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [values, setValues] = useState(EMPTY);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [created, setCreated] = useState<Establishment | null>(null);
  const set = <K extends keyof typeof values>(key: K) => (value: (typeof values)[K]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const fieldMessage: Record<Field, string> = {
    uai: t('establishments.form.uaiFormat'),
    name: t('establishments.form.nameRequired'),
    postalCode: t('establishments.form.postalCodeFormat'),
  };

  const mutation = useMutation({
    mutationFn: createEstablishment,
    onSuccess: (establishment) => {
      setValues(EMPTY);
      setCreated(establishment);
      onCreated(establishment);
    },
    onError: (error) => {
      if (!isApiError(error)) return;
      const field = FIELD_OF_ERROR[error.code];
      if (field) return setFieldErrors({ [field]: errorMessage(error) });
      const errors: FieldErrors = {};
      for (const detail of error.details) {
        const f = FIELD_OF_DETAIL[detail.field];
        if (f) errors[f] = fieldMessage[f];
      }
      setFieldErrors(errors);
    },
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (mutation.isPending) return; // the busy button stays focusable, so guard repeats here
    setCreated(null);
    const draft: EstablishmentDraft = { uai: values.uai.trim().toUpperCase(), name: values.name.trim(), type: values.type };
    for (const key of ['academy', 'postalCode', 'city'] as const) if (values[key].trim()) draft[key] = values[key].trim();
    const errors: FieldErrors = {};
    if (!looksLikeUai(draft.uai)) errors.uai = fieldMessage.uai;
    if (draft.name.length < 2) errors.name = fieldMessage.name;
    if (draft.postalCode && !/^\d{5}$/.test(draft.postalCode)) errors.postalCode = fieldMessage.postalCode;
    setFieldErrors(errors);
    if (Object.keys(errors).length === 0) mutation.mutate(draft);
  };

  const error = mutation.error;
  const onField = isApiError(error) && (FIELD_OF_ERROR[error.code] || error.details.some((d) => FIELD_OF_DETAIL[d.field]));
  return (
    <section aria-labelledby="establishment-form-title" className="card">
      <h2 id="establishment-form-title">{t('establishments.form.title')}</h2>
      {/* Always present, so the confirmation is announced when its text arrives. */}
      <div role="status">
        {created ? (
          <p className="notice notice--success">{t('establishments.form.created', { name: created.name, uai: created.uai })}</p>
        ) : null}
      </div>
      {error && !onField ? (
        <Notice tone="error" title={t('establishments.form.failed')}>
          <p>{errorMessage(error)}</p>
        </Notice>
      ) : null}
      <Form className="form establishment-form" onSubmit={onSubmit} validationBehavior="aria" aria-labelledby="establishment-form-title">
        <RequiredNote />
        <TextInput
          label={t('establishments.form.uai')}
          description={t('establishments.form.uaiHint')}
          name="uai"
          verbatim
          isRequired
          maxLength={8}
          value={values.uai}
          onChange={set('uai')}
          errorMessage={fieldErrors.uai}
        />
        <TextInput
          label={t('establishments.form.name')}
          name="name"
          isRequired
          value={values.name}
          onChange={set('name')}
          errorMessage={fieldErrors.name}
        />
        <SelectInput
          label={t('establishments.form.type')}
          name="type"
          value={values.type}
          onChange={(id) => set('type')(id as EstablishmentType)}
          options={ESTABLISHMENT_TYPES.map((id) => ({ id, label: t(`establishmentTypes.${id}`) }))}
        />
        <TextInput label={t('establishments.form.academy')} name="academy" value={values.academy} onChange={set('academy')} />
        <TextInput
          label={t('establishments.form.postalCode')}
          name="postalCode"
          inputMode="numeric"
          maxLength={5}
          value={values.postalCode}
          onChange={set('postalCode')}
          errorMessage={fieldErrors.postalCode}
        />
        <TextInput
          label={t('establishments.form.city')}
          name="city"
          value={values.city}
          onChange={set('city')}
        />
        <div>
          <BusyButton type="submit" className="button button--primary" busy={mutation.isPending}>
            {t('establishments.form.submit')}
          </BusyButton>
        </div>
      </Form>
    </section>
  );
}
