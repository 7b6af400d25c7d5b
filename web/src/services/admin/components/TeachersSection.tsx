import type { AdminPeoplePage, StructureDetail } from '@preau/contracts';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../lib/api-client';
import { useErrorMessage } from '../../../lib/error-messages';
import { BusyButton } from '../../../lib/ui/BusyButton';
import { CheckboxInput } from '../../../lib/ui/CheckboxInput';
import { Notice } from '../../../lib/ui/Notice';
import { SelectInput } from '../../../lib/ui/SelectInput';
import { structuresApi, useSubjectsQuery } from '../structures-api';
import { useStructureChange } from './useStructureChange';

const NONE = 'none';

/** Teachers with their subjects, the head teacher role (classes only), and attaching another teacher. */
export function TeachersSection({ establishmentId, structure }: { establishmentId: string; structure: StructureDetail }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const isClass = structure.kind === 'class';
  const head = useStructureChange(establishmentId, structure.id, (v: { personId: string; headTeacher: boolean }) =>
    structuresApi.setHeadTeacher(establishmentId, structure.id, v.personId, v.headTeacher),
  );
  const remove = useStructureChange(establishmentId, structure.id, (personId: string) => structuresApi.removeMember(establishmentId, structure.id, 'teacher', personId));
  const error = head.error ?? remove.error;
  return (
    <section aria-labelledby="teachers-title" className="admin-section">
      <h2 id="teachers-title">
        {t('admin.structure.teachersTitle')} ({structure.teachers.length})
      </h2>
      {error ? <Notice tone="error">{errorMessage(error)}</Notice> : null}
      {structure.teachers.length === 0 ? (
        <p>{t('admin.structure.noTeachers')}</p>
      ) : (
        <ul className="plain-list">
          {structure.teachers.map((teacher) => (
            <li key={teacher.id} className="admin-actions" data-teacher={teacher.login}>
              <Link to={`/admin/personnes/${encodeURIComponent(teacher.id)}`}>{teacher.displayName}</Link>
              <span>{teacher.subjects.map((s) => s.name).join(', ')}</span>
              {teacher.headTeacher ? <span className="badge badge--active">{t('admin.structure.headTeacher')}</span> : null}
              <span className="muted">{teacher.managedBy ? t('admin.structure.managed', { source: teacher.managedBy.toUpperCase() }) : t('admin.structure.manual')}</span>
              {isClass ? (
                <BusyButton
                  className="button button--quiet"
                  busy={head.isPending && head.variables?.personId === teacher.id}
                  aria-label={t(teacher.headTeacher ? 'admin.structure.unmakeHeadLabel' : 'admin.structure.makeHeadLabel', { name: teacher.displayName })}
                  onPress={() => head.mutate({ personId: teacher.id, headTeacher: !teacher.headTeacher })}
                >
                  {t(teacher.headTeacher ? 'admin.structure.unmakeHead' : 'admin.structure.makeHead')}
                </BusyButton>
              ) : null}
              <BusyButton
                className="button button--quiet"
                busy={remove.isPending && remove.variables === teacher.id}
                aria-label={t('admin.structure.removeLabel', { name: teacher.displayName })}
                onPress={() => remove.mutate(teacher.id)}
              >
                {t('admin.structure.remove')}
              </BusyButton>
            </li>
          ))}
        </ul>
      )}
      <AttachTeacher establishmentId={establishmentId} structure={structure} />
    </section>
  );
}

function AttachTeacher({ establishmentId, structure }: { establishmentId: string; structure: StructureDetail }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [personId, setPersonId] = useState(NONE);
  const [subjectId, setSubjectId] = useState(NONE);
  const [asHead, setAsHead] = useState(false);
  // A school's teachers fit in one list (a large lycée has about 150).
  const teachers = useQuery({
    queryKey: ['admin', 'people', establishmentId, 'teachers'],
    queryFn: () => api.get<AdminPeoplePage>(`/api/admin/establishments/${encodeURIComponent(establishmentId)}/people`, { profile: 'teacher', limit: 200 }),
  });
  const subjects = useSubjectsQuery(establishmentId);
  const attach = useStructureChange(
    establishmentId,
    structure.id,
    () => structuresApi.attachTeacher(establishmentId, structure.id, { personId, subjectId, ...(structure.kind === 'class' ? { headTeacher: asHead } : {}) }),
    () => {
      setPersonId(NONE);
      setSubjectId(NONE);
      setAsHead(false);
    },
  );
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!attach.isPending && personId !== NONE && subjectId !== NONE) attach.mutate(undefined);
  };
  const noSubjects = subjects.data && subjects.data.items.length === 0;
  return (
    <div className="card">
      <h3>{t('admin.structure.attach')}</h3>
      <p className="muted">{t('admin.structure.attachHelp')}</p>
      {noSubjects ? <Notice tone="info">{t('admin.structure.noSubjects')}</Notice> : null}
      <Form className="admin-form" onSubmit={onSubmit}>
        <SelectInput
          label={t('admin.structure.teacher')}
          name="teacher"
          value={personId}
          onChange={setPersonId}
          options={[{ id: NONE, label: t('admin.structure.chooseTeacher') }, ...(teachers.data?.items ?? []).map((p) => ({ id: p.id, label: p.displayName }))]}
        />
        <SelectInput
          label={t('admin.structure.subject')}
          name="subject"
          value={subjectId}
          onChange={setSubjectId}
          options={[{ id: NONE, label: t('admin.structure.chooseSubject') }, ...(subjects.data?.items ?? []).map((s) => ({ id: s.id, label: s.name }))]}
        />
        {structure.kind === 'class' ? <CheckboxInput name="headTeacher" label={t('admin.structure.asHead')} isSelected={asHead} onChange={setAsHead} /> : null}
        {attach.error ? (
          <div className="admin-form__wide">
            <Notice tone="error">{errorMessage(attach.error)}</Notice>
          </div>
        ) : null}
        <div className="admin-form__wide">
          <BusyButton type="submit" className="button button--primary" busy={attach.isPending}>
            {t('admin.structure.attachSubmit')}
          </BusyButton>
        </div>
      </Form>
    </div>
  );
}
