export { gradesGrants } from './grades.policy.js';
export { gradesRoutes } from './grades.routes.js';
export { publishDueAssessments, scheduleGradePublications } from './grades.publication.js';
export { subjectAverage, generalAverage, classAverages, toDisplay } from './averages.js';
