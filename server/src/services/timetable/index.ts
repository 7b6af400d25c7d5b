export { timetableGrants } from './timetable.policy.js';
export { timetableRoutes } from './timetable.routes.js';
export { lessonsOf, toLesson } from './timetable.views.js';
export { loadCalendar } from './calendar/calendar.js';
export { addDays, isoWeekday, mondayOf, parisInstant, parisToday, schoolYearOf } from './calendar/dates.js';
export { defaultCalendar, zoneOfAcademy } from './calendar/french-calendar.js';
