import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe on the page as it is now and fails on any serious or critical violation, printing
 * each one with the offending elements. Minor and moderate ones are reported, not failed.
 */
export async function checkA11y(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const others = results.violations.filter((v) => !blocking.includes(v));
  for (const v of others) {
    console.log(`    (axe ${v.impact} on ${label}) ${v.id}: ${v.help} — ${v.nodes.length} node(s)`);
  }
  if (blocking.length > 0) {
    const details = blocking
      .map(
        (v) =>
          `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n` +
          v.nodes.map((n) => `      ${n.target.join(' ')} — ${n.failureSummary?.replace(/\n/g, ' ')}`).join('\n'),
      )
      .join('\n');
    throw new Error(`accessibility violations on ${label} (${page.url()}):\n${details}`);
  }
}
