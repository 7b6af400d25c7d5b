import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the document title ("Annuaire · Préau") so each page is distinguishable in tabs and history. */
export function usePageTitle(title: string): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('app.pageTitle', { page: title });
  }, [t, title]);
}

type PageProps = { title: string; intro?: ReactNode; children: ReactNode; width?: 'narrow' | 'wide' };

/** Page frame: one h1 (focused after client-side navigation by the layout), optional intro. */
export function Page({ title, intro, children, width = 'wide' }: PageProps) {
  usePageTitle(title);
  return (
    <div className={`page page--${width}`}>
      <h1 tabIndex={-1} className="page__title">
        {title}
      </h1>
      {intro ? <div className="page__intro">{intro}</div> : null}
      {children}
    </div>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}
