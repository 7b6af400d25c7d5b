import { type ReactNode, useState } from 'react';
import { Button, Disclosure, DisclosurePanel, Heading } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

const STEP = 100;

type ReportSectionProps<T> = {
  id: string;
  title: string;
  items: T[];
  defaultExpanded?: boolean;
  /** Renders the items shown so far (long imports list thousands of lines: shown 100 at a time). */
  children: (items: T[]) => ReactNode;
};

/** One expandable list of the report (react-aria Disclosure: a real button with aria-expanded). */
export function ReportSection<T>({ id, title, items, defaultExpanded, children }: ReportSectionProps<T>) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(STEP);
  return (
    <Disclosure className="disclosure report-section" defaultExpanded={defaultExpanded} data-section={id}>
      <Heading level={3} className="disclosure__heading">
        <Button slot="trigger" className="disclosure__trigger">
          {title}
        </Button>
      </Heading>
      <DisclosurePanel className="disclosure__panel report-section__panel">
        {children(items.slice(0, shown))}
        {items.length > shown ? (
          <Button className="button button--secondary" onPress={() => setShown((n) => n + STEP)}>
            {t('common.showMore')}
          </Button>
        ) : null}
      </DisclosurePanel>
    </Disclosure>
  );
}
