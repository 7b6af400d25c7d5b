import { z } from 'zod';

/**
 * The report of a dry run or an applied import. The contract types it as a free record (its
 * shape belongs to the import engine, server/src/services/imports/report.ts), so the page reads it
 * defensively: a section the client does not understand is shown as empty, never crashes the page.
 */
const text = z.string();
const maybe = z.string().nullable().optional().transform((v) => v ?? null);
const list = z.array(z.string()).catch([]);

function section<T extends z.ZodTypeAny>(item: T) {
  return z.object({ count: z.number().int(), items: z.array(item) }).catch({ count: 0, items: [] });
}

const Candidate = z.object({ personId: text, login: text, uais: list });

export const ImportReportSchema = z.object({
  establishment: z.object({ uai: text, name: text }).nullable().catch(null),
  source: text.catch(''),
  applied: z.boolean().catch(false),
  created: section(
    z.object({ externalId: text, name: text, profile: text, classes: list, login: maybe, possibleDuplicates: z.array(Candidate).catch([]) }),
  ),
  updated: section(
    z.object({
      personId: text,
      login: text,
      externalId: text,
      name: text,
      via: text.catch('source_id'),
      changes: z.array(z.object({ field: text, from: maybe, to: maybe })).catch([]),
    }),
  ),
  moved: section(z.object({ personId: maybe, externalId: text, name: text, from: list, to: list })),
  deactivated: section(z.object({ personId: text, externalId: maybe, name: text, profile: text, reason: text })),
  conflicts: section(z.object({ externalId: text, name: text, reason: text, personId: maybe, detail: text.catch('') })),
  duplicates: section(z.object({ externalId: text, name: text, birthDate: maybe, candidates: z.array(Candidate).catch([]) })),
  rejected: section(z.object({ file: text, line: z.number().nullable().catch(null), reason: text, detail: text.catch('') })),
  structures: z
    .object({ created: list, updated: z.array(z.object({ code: text, changes: list })).catch([]) })
    .catch({ created: [], updated: [] }),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;

export function readReport(report: Record<string, unknown>): ImportReport {
  return ImportReportSchema.parse(report);
}

/** The counts shown at the top of a report, in the order they are read. */
export const COUNTS = ['created', 'updated', 'moved', 'deactivated', 'conflicts', 'duplicates', 'rejected'] as const;
export type CountKey = (typeof COUNTS)[number];
