import type { FeedRejection } from '../feed.js';
import { type ImportReport, summaryOf } from '../report.js';

/** One establishment of an académie run: imported (its full report), refused, or left alone. */
export interface AafSection {
  uai: string;
  name: string | null;
  status: 'planned' | 'applied' | 'refused' | 'skipped';
  message?: string;
  /** The establishment's own import run (its history entry in the admin console). */
  runId?: string;
  /** People of the feed attached to this establishment. */
  accounts: number;
  report?: ImportReport;
}

export interface AafTotals {
  establishments: number;
  refused: number;
  created: number;
  updated: number;
  moved: number;
  deactivated: number;
  conflicts: number;
  rejected: number;
}

/** The académie run: totals, one summary per establishment, and the records no establishment could take. */
export interface AafAcademyReport {
  runId: string;
  source: 'aaf';
  applied: boolean;
  /** complete: people absent from the feed have left; delta: only deleteRequests mean departures. */
  mode: 'complete' | 'delta';
  establishments: (Omit<AafSection, 'report'> & { summary: ReturnType<typeof summaryOf> | null })[];
  rejected: { count: number; items: FeedRejection[] };
  totals: AafTotals;
}

export const emptyTotals = (): AafTotals => ({ establishments: 0, refused: 0, created: 0, updated: 0, moved: 0, deactivated: 0, conflicts: 0, rejected: 0 });

export function addToTotals(totals: AafTotals, section: AafSection): void {
  if (section.status === 'refused') totals.refused += 1;
  if (!section.report) return;
  totals.establishments += 1;
  const s = summaryOf(section.report);
  totals.created += s.created;
  totals.updated += s.updated;
  totals.moved += s.moved;
  totals.deactivated += s.deactivated;
  totals.conflicts += s.conflicts;
  totals.rejected += s.rejected;
}

/** The readable form printed by the CLI: one line per establishment, then the totals. */
export function formatSection(section: AafSection): string[] {
  const head = `${section.uai} ${section.name ?? ''}`.trim();
  if (!section.report) return [`  ${head}: ${section.status} — ${section.message ?? ''}`];
  const s = summaryOf(section.report);
  const lines = [`  ${head}: +${s.created} created, ~${s.updated} updated, ⇄${s.moved} moved, −${s.deactivated} deactivated, !${s.conflicts} conflicts, ✗${s.rejected} rejected`];
  for (const d of section.report.deactivated.items.slice(0, 10)) lines.push(`      − ${d.name} (${d.profile}, ${d.reason})`);
  for (const m of section.report.moved.items.slice(0, 10)) lines.push(`      ⇄ ${m.name}: ${m.from.join(',') || '∅'} → ${m.to.join(',') || '∅'}`);
  for (const r of section.report.rejected.items.slice(0, 10)) lines.push(`      ✗ ${r.file}#${r.line ?? '?'} ${r.reason} — ${r.detail}`);
  return lines;
}

export function formatTotals(report: AafAcademyReport): string[] {
  const t = report.totals;
  const lines = [
    `${report.applied ? 'Applied' : 'Dry run'} — AAF ${report.mode} feed: ${t.establishments} establishment(s) ${report.applied ? 'imported' : 'planned'}, ${t.refused} refused`,
    `  created ${t.created}, updated ${t.updated}, moved ${t.moved}, deactivated ${t.deactivated}, conflicts ${t.conflicts}, rejected ${t.rejected}`,
  ];
  for (const r of report.rejected.items.slice(0, 50)) lines.push(`  ✗ ${r.file}#${r.line ?? '?'} ${r.reason} — ${r.detail}`);
  if (!report.applied) lines.push('Nothing was changed. Run again with --apply to apply.');
  return lines;
}
