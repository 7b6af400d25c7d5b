import { useEffect } from 'react';
import { useLocation } from 'react-router';

/** Client-side navigation to /mentions-legales#accessibilite does not scroll by itself. */
export function useScrollToHash(): void {
  const { hash } = useLocation();
  useEffect(() => {
    if (!hash) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (target) {
      target.scrollIntoView();
      target.setAttribute('tabindex', '-1');
      target.focus({ preventScroll: true });
    }
  }, [hash]);
}
