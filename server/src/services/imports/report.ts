import type { CreatedAccount } from './apply.js';
import type { ImportPlan } from './plan.types.js';

export interface ReportSection<T> {
  count: number;
  items: T[];
}

const section = <T>(items: T[]): ReportSection<T> => ({ count: items.length, items });

/**
 * The readable result of an import, dry run or applied: what is (or was) created, updated field by
 * field, moved, deactivated, in conflict, rejected — each rejected line with its reason.
 */
export function buildReport(plan: ImportPlan, options: { applied: boolean; created?: CreatedAccount[] }) {
  const accounts = new Map((options.created ?? []).map((c) => [c.externalId, c]));
  return {
    establishment: { uai: plan.establishment.uai, name: plan.establishment.name },
    source: plan.source,
    applied: options.applied,
    created: section(
      plan.creations.map((c) => ({
        externalId: c.person.externalId,
        name: `${c.person.firstName} ${c.person.lastName}`,
        profile: c.person.profile,
        classes: c.person.classes,
        login: accounts.get(c.person.externalId)?.login ?? null,
        possibleDuplicates: c.possibleDuplicates,
      })),
    ),
    updated: section(
      plan.updates.map((u) => ({
        personId: u.personId,
        login: u.login,
        externalId: u.person.externalId,
        name: `${u.person.firstName} ${u.person.lastName}`,
        via: u.via,
        changes: u.changes,
        overridesNational: u.overridesNational,
      })),
    ),
    moved: section(plan.moves),
    deactivated: section(plan.deactivations),
    conflicts: section(plan.conflicts),
    duplicates: section(plan.creations.filter((c) => c.possibleDuplicates.length > 0).map((c) => ({ externalId: c.person.externalId, name: `${c.person.firstName} ${c.person.lastName}`, birthDate: c.person.birthDate ?? null, candidates: c.possibleDuplicates }))),
    /** Applied runs: new "probably the same person" proposals recorded for the Doublons page. */
    duplicateProposals: plan.duplicateProposals ?? 0,
    rejected: section(plan.rejected),
    structures: {
      created: plan.structuresToCreate.map((s) => s.code),
      updated: plan.structuresToUpdate.map((s) => ({ code: s.structure.code, changes: s.changes })),
    },
    subjects: { created: plan.subjectsToCreate.map((s) => s.code) },
    relations: plan.relations,
    teachings: plan.teachings,
  };
}
export type ImportReport = ReturnType<typeof buildReport>;

export function summaryOf(report: ImportReport) {
  return {
    created: report.created.count,
    updated: report.updated.count,
    moved: report.moved.count,
    deactivated: report.deactivated.count,
    conflicts: report.conflicts.count,
    rejected: report.rejected.count,
  };
}
