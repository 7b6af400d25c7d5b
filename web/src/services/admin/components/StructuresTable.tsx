import type { Structure } from '@preau/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function StructuresTable({ structures }: { structures: Structure[] }) {
  const { t } = useTranslation();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="table-scroll" tabIndex={0} aria-label={t('admin.structures.scroll')}>
      <table className="table">
        <caption className="visually-hidden">{t('admin.structures.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.structures.name')}</th>
            <th scope="col">{t('admin.structures.kind')}</th>
            <th scope="col">{t('admin.structures.levelOrClasses')}</th>
            <th scope="col">{t('admin.structures.students')}</th>
            <th scope="col">{t('admin.structures.teachers')}</th>
            <th scope="col">{t('admin.structures.origin')}</th>
          </tr>
        </thead>
        <tbody>
          {structures.length === 0 ? (
            <tr>
              <td colSpan={6}>{t('admin.structures.empty')}</td>
            </tr>
          ) : (
            structures.map((s) => (
              <tr key={s.id} data-structure={s.name}>
                <th scope="row">
                  <Link to={`/admin/classes/${encodeURIComponent(s.id)}`}>{s.name}</Link>
                </th>
                <td>{t(`admin.structures.kinds.${s.kind}`)}</td>
                <td>{s.kind === 'class' ? (s.level ?? '—') : s.classes.map((c) => c.name).join(', ') || '—'}</td>
                <td>{s.studentCount}</td>
                <td>{s.teacherCount}</td>
                <td>{s.externalId ? t('admin.structures.imported', { code: s.externalId }) : t('admin.structures.manual')}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </section>
  );
}
