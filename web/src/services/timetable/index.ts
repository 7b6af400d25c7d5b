/** What other services of the web client may use from the timetable. */
export { useTimetableQuery } from './api';
