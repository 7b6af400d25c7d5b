export { importsGrants } from './imports.policy.js';
export { importsRoutes } from './imports.routes.js';
export { runImport, UnknownEstablishmentError } from './imports.usecases.js';
export { registerImportJobs } from './imports.jobs.js';
export { EXTENSIONS as ONEROSTER_EXTENSIONS, LEVEL_GRADES, MANIFEST_FILES, MANIFEST_VERSION, ONEROSTER_FILES, ONEROSTER_VERSION, roleOf, schoolYearOf } from './oneroster/index.js';
// Readers of the national files, reused by the timetable import (STS-web's COURS of each service).
export { attribute, childText, descendants, openXml, type SourceInput, type XmlNode } from './sources/xml-stream.js';
export { readHeader } from './sources/export-header.js';
export { individualKey, readSubject } from './sources/sts-records.js';
export { UnusableFileError } from './feed.js';
