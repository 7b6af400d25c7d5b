/** What other services of the web client may use from the directory. */
export { type PeopleFilter, useGroupsQuery, usePeopleQuery } from './api';
export { PeopleResults } from './components/PeopleResults';
export { PeopleSearchForm } from './components/PeopleSearchForm';
