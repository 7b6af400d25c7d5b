import { useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { isApiError } from '../lib/api-client';
import { useErrorMessage } from '../lib/error-messages';
import { logout } from '../services/auth/api';
import { leaveAfterLogout } from '../services/auth/queries';
import { currentLanguage } from './i18n';
import { type Session, useOptionalSession } from './session';
import { BusyButton } from '../lib/ui/BusyButton';
import { Bell } from '../services/timeline/components/Bell';
import { useHomeQuery } from '../services/portal/api';

/** Menu entries that are also home tiles: these follow the services the establishment shows. */
const KNOWN_TILE_PATHS = new Set(['/messagerie', '/annuaire', '/emploi-du-temps', '/cahier-de-textes', '/agenda']);

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const target = currentLanguage(i18n) === 'fr' ? 'en' : 'fr';
  return (
    <Button
      className="button button--quiet"
      lang={target}
      aria-label={t('language.switchDescription')}
      onPress={() => i18n.changeLanguage(target)}
    >
      {t('language.switchLabel')}
    </Button>
  );
}

function MainNav({ session }: { session: Session }) {
  const { t } = useTranslation();
  // The home's tiles say which services this establishment shows this profile (the admin may hide
  // some): the menu follows them, so a hidden service is not offered here either.
  const home = useHomeQuery(session.membership?.establishment.id ?? null);
  const tiles = home.data ? new Set(home.data.tiles.map((tile) => tile.path)) : null;
  const catalogued = (path: string) => tiles === null || tiles.has(path) || !KNOWN_TILE_PATHS.has(path);
  const links = [
    { to: '/', label: t('nav.home'), shown: true },
    { to: '/messagerie', label: t('nav.messaging'), shown: session.can('messaging.use') },
    { to: '/annuaire', label: t('nav.directory'), shown: session.can('directory.read') },
    { to: '/admin', label: t('nav.admin'), shown: session.can('admin.accounts.manage') },
    { to: '/admin/imports', label: t('nav.imports'), shown: session.can('admin.imports.manage') },
    { to: '/admin/doublons', label: t('nav.duplicates'), shown: session.can('admin.duplicates.manage') || session.can('platform.duplicates.manage') },
    { to: '/etablissements', label: t('nav.establishments'), shown: session.can('platform.establishments.manage') },
    { to: '/audit', label: t('nav.audit'), shown: session.can('platform.audit.read') },
    { to: '/admin/notifications', label: t('nav.notificationDefaults'), shown: session.can('notifications.defaults.manage') },
    { to: '/compte', label: t('nav.account'), shown: true },
  ].map((link) => ({ ...link, shown: link.shown && catalogued(link.to) }));
  return (
    <nav aria-label={t('layout.mainNav')} className="main-nav">
      <ul>
        {links
          .filter((link) => link.shown)
          .map((link) => (
            <li key={link.to}>
              {/* `end`: /admin must not look current on /admin/imports, nor / everywhere. */}
              <NavLink to={link.to} end={link.to === '/' || link.to === '/admin'}>
                {link.label}
              </NavLink>
            </li>
          ))}
      </ul>
    </nav>
  );
}

function LogoutButton() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const onPress = async () => {
    setPending(true);
    setError(null);
    try {
      await logout();
    } catch (failure) {
      // Unreachable server: the session still exists there, so do not pretend it ended.
      if (isApiError(failure, 'network')) {
        setPending(false);
        setError(failure);
        return;
      }
      // Any other answer (401: already ended) leaves nothing to close.
    }
    leaveAfterLogout();
  };
  return (
    <>
      {error ? (
        <span role="alert" className="site-header__error">
          {errorMessage(error)}
        </span>
      ) : null}
      <BusyButton className="button button--secondary" onPress={onPress} busy={pending}>
        {pending ? t('layout.loggingOut') : t('layout.logout')}
      </BusyButton>
    </>
  );
}

/** Moves focus to the new page's heading after client-side navigation, as a page load would. */
function useFocusOnNavigation() {
  const location = useLocation();
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each navigation, reading the DOM it produced
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (location.hash) return; // the page scrolls to and focuses the anchor itself
    const heading = document.querySelector<HTMLElement>('#contenu h1');
    (heading ?? document.getElementById('contenu'))?.focus();
  }, [location.pathname, location.hash]);
}

export function Layout() {
  const { t } = useTranslation();
  const session = useOptionalSession();
  useFocusOnNavigation();
  return (
    <div className="shell">
      <a className="skip-link" href="#contenu">
        {t('layout.skipLink')}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="brand">
            <span className="brand__mark" aria-hidden="true" />
            <span className="brand__name">{t('app.name')}</span>
            <span className="brand__tagline">{t('app.tagline')}</span>
          </Link>
          <div className="site-header__tools">
            {session ? <span className="site-header__user">{t('layout.signedInAs', { name: session.me.displayName })}</span> : null}
            {session ? <Bell /> : null}
            <LanguageSwitch />
            {session ? <LogoutButton /> : null}
          </div>
        </div>
        {session ? <MainNav session={session} /> : null}
      </header>
      <main id="contenu" tabIndex={-1} className="site-main">
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="site-footer__inner">
          <nav aria-label={t('layout.footerNav')}>
            <ul>
              <li>
                <Link to="/mentions-legales">{t('footer.legal')}</Link>
              </li>
              <li>
                <Link to="/donnees-personnelles">{t('footer.privacy')}</Link>
              </li>
              <li>
                <Link to="/mentions-legales#accessibilite">{t('footer.accessibility')}</Link>
              </li>
            </ul>
          </nav>
          <p>{t('footer.about')}</p>
        </div>
      </footer>
    </div>
  );
}
