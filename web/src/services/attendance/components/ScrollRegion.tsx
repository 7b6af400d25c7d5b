import type { ReactNode } from 'react';

/** A wide table's wrapper: it scrolls sideways on a phone, so it takes the keyboard focus (arrows scroll it). */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
    <section className="roll-table-wrap" tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}
