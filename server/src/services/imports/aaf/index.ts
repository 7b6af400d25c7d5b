export { runAafImport, type AafProgress, type AafRunOptions } from './aaf-run.js';
export { type AafAcademyReport, type AafSection, formatSection, formatTotals } from './aaf-report.js';
export { checkAafFiles } from './aaf-check.js';
