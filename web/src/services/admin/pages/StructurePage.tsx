import type { StructureDetail } from '@preau/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useSession } from '../../../app/session';
import { useErrorMessage } from '../../../lib/error-messages';
import { Notice } from '../../../lib/ui/Notice';
import { Loading, Page } from '../../../lib/ui/Page';
import { AdminNav } from '../components/AdminNav';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { StructureEditForm } from '../components/StructureEditForm';
import { StudentsSection } from '../components/StudentsSection';
import { TeachersSection } from '../components/TeachersSection';
import { structuresApi, useStructureQuery } from '../structures-api';
import '../components/admin.css';

/** One class or group: its name and level or classes, its students and teachers, its deletion when empty. */
export function StructurePage() {
  const { t } = useTranslation();
  const { groupId = '' } = useParams();
  const { membership, can } = useSession();
  const location = useLocation();
  const errorMessage = useErrorMessage();
  const establishmentId = membership?.establishment.id ?? null;
  const structure = useStructureQuery(establishmentId, groupId);
  const announce = (location.state as { announce?: string } | null)?.announce;
  if (!establishmentId || !can('admin.structures.manage')) {
    return (
      <Page title={t('admin.structures.title')}>
        <Notice tone="info">{t('admin.noAccess')}</Notice>
      </Page>
    );
  }
  const s = structure.data;
  return (
    <Page title={s ? `${s.name} · ${t(`admin.structures.kinds.${s.kind}`)}` : t('admin.structures.title')}>
      <AdminNav />
      <Link to="/admin/classes" className="back-link">
        {t('admin.structure.back')}
      </Link>
      {announce ? <Notice tone="success">{announce}</Notice> : null}
      {structure.isPending ? <Loading /> : null}
      {structure.error ? <Notice tone="error">{errorMessage(structure.error)}</Notice> : null}
      {s ? (
        <>
          {s.externalId ? <Notice tone="info">{t('admin.structure.importedNotice', { code: s.externalId })}</Notice> : null}
          <StructureEditForm key={`${s.name}|${s.level}|${s.classes.map((c) => c.id).join()}`} establishmentId={establishmentId} structure={s} />
          <StudentsSection establishmentId={establishmentId} structure={s} />
          <TeachersSection establishmentId={establishmentId} structure={s} />
          <DeleteSection establishmentId={establishmentId} structure={s} />
        </>
      ) : null}
    </Page>
  );
}

function DeleteSection({ establishmentId, structure }: { establishmentId: string; structure: StructureDetail }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const empty = structure.students.length === 0 && structure.teachers.length === 0;
  const remove = useMutation({
    mutationFn: () => structuresApi.remove(establishmentId, structure.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['admin', 'structures'] });
      navigate('/admin/classes', { state: { announce: t('admin.structure.deleted', { name: structure.name }) } });
    },
  });
  return (
    <section aria-labelledby="delete-title" className="admin-section">
      <h2 id="delete-title">{t('admin.structure.deleteTitle')}</h2>
      <p className="muted" id="delete-help">
        {t('admin.structure.deleteHelp')}
      </p>
      <Button className="button button--danger" isDisabled={!empty} aria-describedby="delete-help" onPress={() => setConfirming(true)}>
        {t('admin.structure.delete', { name: structure.name })}
      </Button>
      <ConfirmDialog
        isOpen={confirming}
        title={t('admin.structure.deleteConfirmTitle', { name: structure.name })}
        body={t('admin.structure.deleteConfirmBody')}
        confirmLabel={t('admin.structure.delete', { name: structure.name })}
        busy={remove.isPending}
        error={remove.error ? errorMessage(remove.error) : null}
        onClose={() => setConfirming(false)}
        onConfirm={() => remove.mutate()}
      />
    </section>
  );
}
