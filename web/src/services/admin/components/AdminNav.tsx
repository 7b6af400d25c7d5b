import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useSession } from '../../../app/session';

/** The admin console's sections, shown to those who hold each one's right. */
export function AdminNav() {
  const { t } = useTranslation();
  const { can } = useSession();
  const links = [
    { to: '/admin', label: t('admin.nav.accounts'), shown: can('admin.accounts.manage') },
    { to: '/admin/classes', label: t('admin.nav.structures'), shown: can('admin.structures.manage') },
    { to: '/admin/services', label: t('admin.nav.services'), shown: can('admin.services.manage') },
    { to: '/admin/imports', label: t('admin.nav.imports'), shown: can('admin.imports.manage') },
    { to: '/admin/communication', label: t('admin.nav.communication'), shown: can('communication.rules.manage') },
  ].filter((l) => l.shown);
  return (
    <nav aria-label={t('admin.nav.label')} className="admin-nav">
      <ul>
        {links.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end={link.to === '/admin'}>
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
