/**
 * The OneRoster 1.2 CSV binding (1EdTech, "OneRoster: CSV Binding 1.2"): file names, columns in the
 * order the binding lists them, and the manifest. Shared by the import and the export so both read
 * and write the same columns. Extension columns (`metadata.preau.*`) follow the standard ones, as the
 * binding allows; other systems ignore them.
 */
export const ONEROSTER_VERSION = '1.2';
export const MANIFEST_VERSION = '1.0';

export const ONEROSTER_FILES = {
  manifest: ['propertyName', 'value'],
  orgs: ['sourcedId', 'status', 'dateLastModified', 'name', 'type', 'identifier', 'parentSourcedId'],
  academicSessions: ['sourcedId', 'status', 'dateLastModified', 'title', 'type', 'startDate', 'endDate', 'parentSourcedId', 'schoolYear'],
  courses: ['sourcedId', 'status', 'dateLastModified', 'schoolYearSourcedId', 'title', 'courseCode', 'grades', 'orgSourcedId', 'subjects', 'subjectCodes'],
  classes: [
    'sourcedId',
    'status',
    'dateLastModified',
    'title',
    'grades',
    'courseSourcedId',
    'classCode',
    'classType',
    'location',
    'schoolSourcedId',
    'termSourcedIds',
    'subjects',
    'subjectCodes',
    'periods',
  ],
  users: [
    'sourcedId',
    'status',
    'dateLastModified',
    'enabledUser',
    'username',
    'userIds',
    'givenName',
    'familyName',
    'middleName',
    'identifier',
    'email',
    'sms',
    'phone',
    'agentSourcedIds',
    'grades',
    'password',
    'userMasterIdentifier',
    'resourceSourcedIds',
    'preferredGivenName',
    'preferredMiddleName',
    'preferredFamilyName',
    'primaryOrgSourcedId',
    'pronouns',
  ],
  roles: ['sourcedId', 'status', 'dateLastModified', 'userSourcedId', 'roleType', 'role', 'beginDate', 'endDate', 'orgSourcedId', 'userProfileSourcedId'],
  enrollments: ['sourcedId', 'status', 'dateLastModified', 'classSourcedId', 'schoolSourcedId', 'userSourcedId', 'role', 'primary', 'beginDate', 'endDate'],
  demographics: [
    'sourcedId',
    'status',
    'dateLastModified',
    'birthDate',
    'sex',
    'americanIndianOrAlaskaNative',
    'asian',
    'blackOrAfricanAmerican',
    'nativeHawaiianOrOtherPacificIslander',
    'white',
    'demographicRaceTwoOrMoreRaces',
    'hispanicOrLatinoEthnicity',
    'countryOfBirthCode',
    'stateOfBirthAbbreviation',
    'cityOfBirth',
    'publicSchoolResidenceStatus',
  ],
} as const;
export type OneRosterFile = Exclude<keyof typeof ONEROSTER_FILES, 'manifest'>;

/** Préau's extension columns: what the standard cannot say and a Préau-to-Préau transfer must keep. */
export const EXTENSIONS = {
  /** roles.csv: the personnel's functions in Préau's codes (head, cpe, secretary…), comma-separated. */
  functions: 'metadata.preau.functions',
  /** enrollments.csv: the subjects a teacher teaches in that class, comma-separated subject codes. */
  subjectCodes: 'metadata.preau.subjectCodes',
} as const;

/** Every `file.*` property of a 1.2 manifest, in the binding's order. */
export const MANIFEST_FILES = [
  'academicSessions',
  'categories',
  'classes',
  'classResources',
  'courses',
  'courseResources',
  'demographics',
  'enrollments',
  'lineItemLearningObjectiveIds',
  'lineItems',
  'lineItemScoreScales',
  'orgs',
  'resources',
  'resultLearningObjectiveIds',
  'results',
  'resultScoreScales',
  'roles',
  'scoreScales',
  'userProfiles',
  'userResources',
  'users',
] as const;

export type ProcessingMode = 'bulk' | 'delta' | 'absent';

/** Columns that must be in the header for Préau to use a file (a subset of the binding's required fields). */
export const REQUIRED_COLUMNS: Record<OneRosterFile, readonly string[]> = {
  orgs: ['sourcedId', 'name', 'type'],
  academicSessions: ['sourcedId', 'type', 'schoolYear'],
  courses: ['sourcedId', 'title'],
  classes: ['sourcedId', 'title', 'classType', 'schoolSourcedId'],
  users: ['sourcedId', 'givenName', 'familyName'],
  roles: ['sourcedId', 'userSourcedId', 'role', 'orgSourcedId'],
  enrollments: ['sourcedId', 'classSourcedId', 'userSourcedId', 'role'],
  demographics: ['sourcedId', 'birthDate'],
};

/**
 * French levels ↔ the CEDS grade codes OneRoster uses in `grades` (01 = first year of primary =
 * CP, … 12 = terminale). A level outside this table travels without a grade.
 */
export const LEVEL_GRADES: Record<string, string> = {
  PS: 'PK',
  MS: 'PK',
  GS: 'KG',
  CP: '01',
  CE1: '02',
  CE2: '03',
  CM1: '04',
  CM2: '05',
  '6e': '06',
  '5e': '07',
  '4e': '08',
  '3e': '09',
  '2nde': '10',
  '1re': '11',
  Tle: '12',
};
/** Grade → level; PK is ambiguous (PS or MS) and comes back as no level. */
export const GRADE_LEVELS: Record<string, string> = Object.fromEntries(
  Object.entries(LEVEL_GRADES)
    .filter(([, grade]) => grade !== 'PK')
    .map(([level, grade]) => [grade, level]),
);

/** The school year (first calendar year, 2026 for 2026-2027) a date falls in: it starts on 1 September. */
export function schoolYearOf(date: Date): number {
  return date.getUTCMonth() >= 8 ? date.getUTCFullYear() : date.getUTCFullYear() - 1;
}
