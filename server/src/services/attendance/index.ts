export { attendanceGrants, followsAttendance } from './attendance.policy.js';
export { attendanceRoutes } from './attendance.routes.js';
export { notifyForgottenRegisters, scheduleForgottenRegisters } from './attendance.forgotten.js';
export { ensureAttendanceSetup, listReasons, readSettings, DEFAULT_REASONS } from './attendance.reasons.js';
export { eventViews } from './attendance.events.js';
export { figuresOf as attendanceFigures } from './statistics/statistics.js';
export { absenceHalfDays, countHalfDays, type CountedEvent, type CountedLesson, type HalfDay, type HalfDayTotals } from './half-days.js';
export { followUpNewEvents, justificationGrants, justificationRoutes, scheduleJustificationFollowUp } from './justification/index.js';
