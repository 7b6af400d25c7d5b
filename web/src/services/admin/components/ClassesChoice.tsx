import { useTranslation } from 'react-i18next';
import { CheckboxInput } from '../../../lib/ui/CheckboxInput';
import { useStructuresQuery } from '../structures-api';

/** The classes a teaching group spans, as a group of checkboxes. */
export function ClassesChoice({ establishmentId, value, onChange }: { establishmentId: string; value: string[]; onChange: (ids: string[]) => void }) {
  const { t } = useTranslation();
  const classes = useStructuresQuery(establishmentId, { kind: 'class', q: '' }, null, 200);
  return (
    <fieldset className="admin-fieldset admin-form__wide">
      <legend>{t('admin.structures.classes')}</legend>
      <p className="field__description">{t('admin.structures.classesHelp')}</p>
      <ul className="admin-checks">
        {(classes.data?.items ?? []).map((c) => (
          <li key={c.id}>
            <CheckboxInput
              name="classIds"
              label={c.name}
              isSelected={value.includes(c.id)}
              onChange={(selected) => onChange(selected ? [...value, c.id] : value.filter((id) => id !== c.id))}
            />
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
