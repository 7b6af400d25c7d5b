import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { checkA11y } from './a11y';

export type JourneyContext = {
  baseUrl: string;
  demoPassword: string;
  /** The journey's first page (a fresh browser context: no cookies, no storage). */
  page: Page;
  /** Another isolated browser, e.g. the person whose account an admin just reset. */
  newIsolatedPage: () => Promise<Page>;
  /** axe (WCAG 2.1 A/AA) on the page as it is now; fails on serious/critical violations. */
  a11y: (page: Page, label: string) => Promise<void>;
};

export type Journey = {
  name: string;
  viewport?: { width: number; height: number };
  run: (context: JourneyContext) => Promise<void>;
};

type Outcome = { name: string; ok: boolean; ms: number; error?: string };

const DEFAULT_VIEWPORT = { width: 1280, height: 900 };

async function runOne(browser: Browser, journey: Journey, options: RunOptions): Promise<Outcome> {
  const started = Date.now();
  const contexts: BrowserContext[] = [];
  const pageLogs: string[] = [];
  const openPage = async () => {
    const context = await browser.newContext({ viewport: journey.viewport ?? DEFAULT_VIEWPORT, locale: 'fr-FR' });
    context.setDefaultTimeout(10_000);
    contexts.push(context);
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') pageLogs.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => pageLogs.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => pageLogs.push(`request failed: ${request.url()} ${request.failure()?.errorText}`));
    return page;
  };
  const page = await openPage();
  try {
    await journey.run({
      baseUrl: options.baseUrl,
      demoPassword: options.demoPassword,
      page,
      newIsolatedPage: openPage,
      a11y: checkA11y,
    });
    return { name: journey.name, ok: true, ms: Date.now() - started };
  } catch (error) {
    const slug = journey.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
    mkdirSync(options.artifactsDir, { recursive: true });
    for (const [index, context] of contexts.entries()) {
      for (const p of context.pages()) {
        await p.screenshot({ path: join(options.artifactsDir, `${slug}-${index}.png`), fullPage: true }).catch(() => undefined);
      }
    }
    const logs = pageLogs.length ? `\n    browser log:\n      ${pageLogs.slice(-15).join('\n      ')}` : '';
    return { name: journey.name, ok: false, ms: Date.now() - started, error: `${(error as Error).stack ?? error}${logs}` };
  } finally {
    await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
  }
}

export type RunOptions = { baseUrl: string; demoPassword: string; concurrency: number; artifactsDir: string };

/** Runs the journeys a few at a time, prints one line per journey, returns whether all passed. */
export async function runJourneys(browser: Browser, journeys: Journey[], options: RunOptions): Promise<boolean> {
  const queue = [...journeys];
  const outcomes: Outcome[] = [];
  const worker = async () => {
    for (let journey = queue.shift(); journey; journey = queue.shift()) {
      const outcome = await runOne(browser, journey, options);
      outcomes.push(outcome);
      console.log(`${outcome.ok ? '✔' : '✘'} ${outcome.name} (${(outcome.ms / 1000).toFixed(1)} s)`);
      if (outcome.error) console.log(`    ${outcome.error.split('\n').join('\n    ')}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, journeys.length) }, worker));
  const failed = outcomes.filter((o) => !o.ok);
  console.log(`\n${outcomes.length - failed.length} passed, ${failed.length} failed`);
  for (const f of failed) console.log(`  failed: ${f.name}`);
  return failed.length === 0;
}
