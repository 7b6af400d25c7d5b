export { gradesGrants } from './grades.policy.js';
export { gradesRoutes } from './grades.routes.js';
export { publishDueAssessments, scheduleGradePublications } from './grades.publication.js';
export { subjectAverage, generalAverage, classAverages, toDisplay } from './averages.js';
// For the skills assessed alone or beside a grade: the same readers, teachers and publication rule.
export { type Audience, reportAccess, requireGroup, requireSheetReader, requireSubject, requireTeacher } from './grades.access.js';
export { seesWholeEstablishment } from './grades.policy.js';
export { publishedFor, type PublicationTimes } from './grades.visibility.js';
export { type AnnouncementState, dueAudiences, recipientsOf } from './grades.publication.js';
export { listPeriods, myTeachings } from './grades.usecases.js';
