import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

/** Cursors of the pages already seen, so "Page précédente" works with the API's forward-only cursors. */
export function useCursorPages() {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return {
    cursor: cursors[cursors.length - 1] ?? null,
    page: cursors.length,
    reset: () => setCursors([null]),
    back: () => setCursors((list) => list.slice(0, -1)),
    forward: (next: string) => setCursors((list) => [...list, next]),
  };
}
export type CursorPages = ReturnType<typeof useCursorPages>;

/** Previous / page number / next, for a list paged by cursor. */
export function Pager({ label, pages, nextCursor, busy }: { label: string; pages: CursorPages; nextCursor: string | null; busy: boolean }) {
  const { t } = useTranslation();
  return (
    <nav className="pager" aria-label={label}>
      <Button className="button button--secondary" isDisabled={pages.page < 2} onPress={pages.back}>
        {t('common.previous')}
      </Button>
      <span aria-live="polite">{t('common.pageNumber', { page: pages.page })}</span>
      <Button className="button button--secondary" isDisabled={!nextCursor || busy} onPress={() => nextCursor && pages.forward(nextCursor)}>
        {t('common.next')}
      </Button>
    </nav>
  );
}
