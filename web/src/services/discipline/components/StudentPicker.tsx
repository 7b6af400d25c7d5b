import { useId, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { TextInput } from '../../../lib/ui/TextInput';
import { useStudentSearch } from '../api';

export type PickedStudent = { id: string; name: string };

/** Finds students by name (through the directory) and offers each as a button to add. */
export function StudentPicker({ establishmentId, exclude, onPick }: { establishmentId: string; exclude: string[]; onPick: (s: PickedStudent) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [q, setQ] = useState('');
  const found = useStudentSearch(establishmentId, q);
  const items = (found.data?.items ?? []).filter((p) => !exclude.includes(p.id));
  return (
    <div className="discipline-picker">
      <TextInput label={t('discipline.form.search')} value={q} onChange={setQ} />
      {items.length > 0 ? (
        <ul className="discipline-picker__results" aria-labelledby={id}>
          {items.map((p) => (
            <li key={p.id}>
              <Button
                className="button button--small"
                onPress={() => {
                  onPick({ id: p.id, name: p.displayName });
                  setQ('');
                }}
              >
                {t('discipline.form.add', { name: `${p.displayName}${p.groups[0] ? ` (${p.groups[0].name})` : ''}` })}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <span id={id} hidden>
        {t('discipline.form.search')}
      </span>
    </div>
  );
}
