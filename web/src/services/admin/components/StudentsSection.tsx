import type { AdminPeoplePage, StructureDetail } from '@preau/contracts';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Button, Form, Input, Label, SearchField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../lib/api-client';
import { useErrorMessage } from '../../../lib/error-messages';
import { BusyButton } from '../../../lib/ui/BusyButton';
import { CheckboxInput } from '../../../lib/ui/CheckboxInput';
import { Notice } from '../../../lib/ui/Notice';
import { structuresApi } from '../structures-api';
import { useStructureChange } from './useStructureChange';

/** The structure's students (remove one) and a search to add several at once. */
export function StudentsSection({ establishmentId, structure }: { establishmentId: string; structure: StructureDetail }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [announce, setAnnounce] = useState('');
  const remove = useStructureChange(establishmentId, structure.id, (personId: string) => structuresApi.removeMember(establishmentId, structure.id, 'student', personId));
  return (
    <section aria-labelledby="students-title" className="admin-section">
      <h2 id="students-title">
        {t('admin.structure.studentsTitle')} ({structure.students.length})
      </h2>
      <p role="status" className="account-status">
        {announce}
      </p>
      {remove.error ? <Notice tone="error">{errorMessage(remove.error)}</Notice> : null}
      {structure.students.length === 0 ? (
        <p>{t('admin.structure.noStudents')}</p>
      ) : (
        <ul className="plain-list admin-members">
          {structure.students.map((s) => (
            <li key={s.id} className="admin-actions" data-student={s.login}>
              <Link to={`/admin/personnes/${encodeURIComponent(s.id)}`}>{s.displayName}</Link>
              <span className="muted">{s.managedBy ? t('admin.structure.managed', { source: s.managedBy.toUpperCase() }) : t('admin.structure.manual')}</span>
              <BusyButton
                className="button button--quiet"
                busy={remove.isPending && remove.variables === s.id}
                aria-label={t('admin.structure.removeLabel', { name: s.displayName })}
                onPress={() => {
                  setAnnounce('');
                  remove.mutate(s.id);
                }}
              >
                {t('admin.structure.remove')}
              </BusyButton>
            </li>
          ))}
        </ul>
      )}
      <AddStudents establishmentId={establishmentId} structure={structure} onAdded={setAnnounce} />
    </section>
  );
}

function AddStudents({ establishmentId, structure, onAdded }: { establishmentId: string; structure: StructureDetail; onAdded: (text: string) => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [draft, setDraft] = useState('');
  const [q, setQ] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const found = useQuery({
    queryKey: ['admin', 'people', establishmentId, 'students', q],
    queryFn: () => api.get<AdminPeoplePage>(`/api/admin/establishments/${encodeURIComponent(establishmentId)}/people`, { q: q ?? undefined, profile: 'student', limit: 30 }),
    enabled: q !== null,
  });
  const add = useStructureChange(establishmentId, structure.id, (ids: string[]) => structuresApi.addStudents(establishmentId, structure.id, ids), (_s, ids) => {
    onAdded(t('admin.structure.added', { count: ids.length }));
    setChosen([]);
  });
  const members = new Set(structure.students.map((s) => s.id));
  const candidates = (found.data?.items ?? []).filter((p) => !members.has(p.id));
  const onSearch = (event?: FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    setQ(draft.trim());
  };
  return (
    <div className="card">
      <h3>{t('admin.structure.addStudents')}</h3>
      <p className="muted">
        {t('admin.structure.addStudentsHelp')} {structure.kind === 'class' ? t('admin.structure.moveHelp') : null}
      </p>
      <Form className="search-form" onSubmit={onSearch} role="search" aria-label={t('admin.structure.addStudents')}>
        <SearchField className="field" value={draft} onChange={setDraft} onSubmit={() => onSearch()} name="student-q">
          <Label className="field__label">{t('admin.structure.search')}</Label>
          <Input className="field__input" />
        </SearchField>
        <Button type="submit" className="button button--secondary">
          {t('admin.structure.searchSubmit')}
        </Button>
      </Form>
      {found.data && candidates.length === 0 ? <p role="status">{t('admin.structure.noResults')}</p> : null}
      {candidates.length > 0 ? (
        <ul className="admin-checks">
          {candidates.map((p) => (
            <li key={p.id}>
              <CheckboxInput
                name="students"
                label={`${p.displayName}${p.classes.length ? ` (${p.classes.map((c) => c.name).join(', ')})` : ''}`}
                isSelected={chosen.includes(p.id)}
                onChange={(selected) => setChosen((list) => (selected ? [...list, p.id] : list.filter((id) => id !== p.id)))}
              />
            </li>
          ))}
        </ul>
      ) : null}
      {add.error ? <Notice tone="error">{errorMessage(add.error)}</Notice> : null}
      {chosen.length > 0 ? (
        <BusyButton className="button button--primary" busy={add.isPending} onPress={() => add.mutate(chosen)}>
          {t('admin.structure.addSelected', { count: chosen.length })}
        </BusyButton>
      ) : null}
    </div>
  );
}
