import type { Migration } from 'kysely';
import * as foundation from './0001_foundation.js';
import * as imports from './0002_imports.js';
import * as jobs from './0003_jobs.js';
import * as importJobs from './0004_import_jobs.js';
import * as aafStaging from './0005_aaf_staging.js';
import * as adminConsole from './0006_admin_console.js';
import * as duplicates from './0007_duplicates.js';
import * as messaging from './0008_messaging.js';
import * as notifications from './0009_notifications.js';
import * as timetableHomework from './0011_timetable_homework.js';
import * as grades from './0013_grades.js';
import * as homeworkHandinsArchive from './0012_homework_handins_archive.js';
import * as teachingsSource from './0014_teachings_source.js';
import * as skills from './0019_skills.js';
import * as reportCards from './0018_report_cards.js';
import * as discipline from './0016_discipline.js';
import * as attendanceJustifications from './0017_attendance_justifications.js';
import * as attendance from './0015_attendance.js';
import * as importSpeed from './0021_import_speed.js';

/** Every migration, in the order they apply. Names never change once landed. */
export const migrations: Record<string, Migration> = {
  '0001_foundation': foundation,
  '0002_imports': imports,
  '0003_jobs': jobs,
  '0004_import_jobs': importJobs,
  '0005_aaf_staging': aafStaging,
  '0006_admin_console': adminConsole,
  '0007_duplicates': duplicates,
  '0008_messaging': messaging,
  '0009_notifications': notifications,
  '0011_timetable_homework': timetableHomework,
  '0013_grades': grades,
  '0012_homework_handins_archive': homeworkHandinsArchive,
  '0014_teachings_source': teachingsSource,
  '0019_skills': skills,
  '0018_report_cards': reportCards,
  '0015_attendance': attendance,
  '0016_discipline': discipline,
  '0017_attendance_justifications': attendanceJustifications,
  '0021_import_speed': importSpeed,
};
