import type { FeedStructure } from '../feed.js';
import type { CsvTable } from './bundle.js';
import { type MappingContext, type OrgFeed, isDeleted, personKey, uniqueRows } from './mapping.js';
import { splitList } from './roles.js';
import { EXTENSIONS, GRADE_LEVELS } from './spec.js';

interface ClassRecord {
  org: OrgFeed;
  structure: FeedStructure;
  subjectCodes: string[];
}

/**
 * classes.csv: a homeroom class is a Préau class, a scheduled class a teaching group; their subjects
 * (subjects/subjectCodes, parallel lists) become the establishment's subjects.
 */
function mapClasses(ctx: MappingContext, t: CsvTable) {
  const classes = new Map<string, ClassRecord>();
  const deleted = new Set<string>();
  for (const { row, id, status, get } of uniqueRows(t, (r) => ctx.shared.push(r))) {
    const schoolId = get('schoolSourcedId');
    const org = ctx.orgs.get(schoolId);
    if (isDeleted(status)) {
      deleted.add(id);
      continue;
    }
    if (!org) {
      if (ctx.skippedOrgs.has(schoolId)) deleted.add(id);
      else ctx.shared.push({ file: t.file, line: row.line, reason: 'unknown_org', detail: `class ${id}: school ${schoolId} is not a school of orgs.csv with a UAI` });
      continue;
    }
    const reject = (reason: string, detail: string) => org.feed.rejected.push({ file: t.file, line: row.line, reason, detail });
    const type = get('classType');
    if (type !== 'homeroom' && type !== 'scheduled') {
      reject('unknown_structure_type', `class ${id}: classType "${type}" is neither homeroom nor scheduled`);
      continue;
    }
    const title = get('title');
    if (!title) {
      reject('missing_field', `class ${id}: title is required`);
      continue;
    }
    const grade = splitList(get('grades'))[0];
    const structure: FeedStructure = { code: id, kind: type === 'homeroom' ? 'class' : 'teaching_group', name: title, level: grade ? (GRADE_LEVELS[grade] ?? null) : null };
    const codes = splitList(get('subjectCodes'));
    const names = splitList(get('subjects'));
    codes.forEach((code, i) => {
      if (!org.feed.subjects.some((s) => s.code === code)) org.feed.subjects.push({ code, name: names[i] || code });
    });
    org.feed.structures.push(structure);
    classes.set(id, { org, structure, subjectCodes: codes });
  }
  return { classes, deleted };
}

/**
 * enrollments.csv: students join their classes and groups; teachers join theirs and teach the
 * subjects of the `metadata.preau.subjectCodes` extension, or the class's only subject. A primary
 * teacher of a homeroom class is its professeur principal. Aides, administrators and proctors
 * enrolled in a class have no class role in Préau and are left out.
 */
export function mapEnrollments(ctx: MappingContext, classesTable: CsvTable, t: CsvTable) {
  const { classes, deleted } = mapClasses(ctx, classesTable);
  const seen = new Set<string>();
  for (const { row, status, get } of uniqueRows(t, (r) => ctx.shared.push(r))) {
    if (isDeleted(status)) continue;
    const classId = get('classSourcedId');
    const userId = get('userSourcedId');
    const role = get('role');
    if (deleted.has(classId) || ctx.unusableUsers.has(userId)) continue;
    const record = classes.get(classId);
    const school = get('schoolSourcedId');
    if (!record && ctx.skippedOrgs.has(school)) continue;
    const rejected = record ? record.org.feed.rejected : (ctx.orgs.get(school)?.feed.rejected ?? ctx.shared);
    const reject = (reason: string, detail: string) => rejected.push({ file: t.file, line: row.line, reason, detail });
    if (!classId || !userId || !role) {
      reject('missing_field', 'classSourcedId, userSourcedId and role are required');
      continue;
    }
    if (!record) {
      reject('unknown_structure', `class ${classId} is not in classes.csv`);
      continue;
    }
    if (role !== 'student' && role !== 'teacher') continue;
    const person = record.org.people.get(personKey(role, userId));
    if (!person) {
      reject(ctx.users.has(userId) ? 'no_matching_role' : 'unknown_person', `user ${userId} has no ${role} role in this school`);
      continue;
    }
    const key = `${classId}|${person.externalId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const { structure } = record;
    const list = structure.kind === 'class' ? person.classes : person.groups;
    if (!list.includes(structure.code)) list.push(structure.code);
    if (role !== 'teacher') continue;
    if (structure.kind === 'class' && get('primary').toLowerCase() === 'true') person.headTeacherOf?.push(structure.code);
    const extension = splitList(get(EXTENSIONS.subjectCodes));
    const subjects = extension.length ? extension : record.subjectCodes.length === 1 ? record.subjectCodes : [];
    for (const code of subjects) {
      if (!record.org.feed.subjects.some((s) => s.code === code)) record.org.feed.subjects.push({ code, name: code });
      person.teachings?.push({ structure: structure.code, subjectCode: code });
    }
  }
}
