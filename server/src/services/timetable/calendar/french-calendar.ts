import type { HolidayZone } from '@preau/contracts';
import { addDays } from './dates.js';

/**
 * The national school calendar (arrêtés fixing the calendrier scolaire), for metropolitan France.
 * Each period runs from the first day without lessons to the last one (inclusive): lessons stop on
 * Saturday morning's eve and resume on the Monday after `lastDay`. An establishment can add or
 * remove periods (a bridge day, a local closure) in its calendar; these are only the defaults.
 */
interface YearCalendar {
  start: string;
  end: string;
  common: { name: string; firstDay: string; lastDay: string }[];
  zones: Record<HolidayZone, { name: string; firstDay: string; lastDay: string }[]>;
}

const YEARS: Record<number, YearCalendar> = {
  2025: {
    start: '2025-09-01',
    end: '2026-07-03',
    common: [
      { name: 'Vacances de la Toussaint', firstDay: '2025-10-18', lastDay: '2025-11-02' },
      { name: 'Vacances de Noël', firstDay: '2025-12-20', lastDay: '2026-01-04' },
      { name: 'Pont de l’Ascension', firstDay: '2026-05-14', lastDay: '2026-05-17' },
    ],
    zones: {
      A: [
        { name: 'Vacances d’hiver', firstDay: '2026-02-07', lastDay: '2026-02-22' },
        { name: 'Vacances de printemps', firstDay: '2026-04-04', lastDay: '2026-04-19' },
      ],
      B: [
        { name: 'Vacances d’hiver', firstDay: '2026-02-14', lastDay: '2026-03-01' },
        { name: 'Vacances de printemps', firstDay: '2026-04-11', lastDay: '2026-04-26' },
      ],
      C: [
        { name: 'Vacances d’hiver', firstDay: '2026-02-21', lastDay: '2026-03-08' },
        { name: 'Vacances de printemps', firstDay: '2026-04-18', lastDay: '2026-05-03' },
      ],
    },
  },
  2026: {
    start: '2026-09-01',
    end: '2027-07-02',
    common: [
      { name: 'Vacances de la Toussaint', firstDay: '2026-10-17', lastDay: '2026-11-01' },
      { name: 'Vacances de Noël', firstDay: '2026-12-19', lastDay: '2027-01-03' },
      { name: 'Pont de l’Ascension', firstDay: '2027-05-06', lastDay: '2027-05-09' },
    ],
    zones: {
      A: [
        { name: 'Vacances d’hiver', firstDay: '2027-02-13', lastDay: '2027-02-28' },
        { name: 'Vacances de printemps', firstDay: '2027-04-10', lastDay: '2027-04-25' },
      ],
      B: [
        { name: 'Vacances d’hiver', firstDay: '2027-02-20', lastDay: '2027-03-07' },
        { name: 'Vacances de printemps', firstDay: '2027-04-17', lastDay: '2027-05-02' },
      ],
      C: [
        { name: 'Vacances d’hiver', firstDay: '2027-02-06', lastDay: '2027-02-21' },
        { name: 'Vacances de printemps', firstDay: '2027-04-03', lastDay: '2027-04-18' },
      ],
    },
  },
};

/** Académies by zone (the 2015 map; Normandie covers the former Caen and Rouen). */
const ACADEMY_ZONES: Record<HolidayZone, string[]> = {
  A: ['besancon', 'bordeaux', 'clermont-ferrand', 'dijon', 'grenoble', 'limoges', 'lyon', 'poitiers'],
  B: ['aix-marseille', 'amiens', 'caen', 'lille', 'nancy-metz', 'nantes', 'nice', 'normandie', 'orleans-tours', 'reims', 'rennes', 'rouen', 'strasbourg'],
  C: ['creteil', 'montpellier', 'paris', 'toulouse', 'versailles'],
};

export function zoneOfAcademy(academy: string | null): HolidayZone | null {
  if (!academy) return null;
  const key = academy
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/^academie (de |d')?/, '')
    .trim()
    .replace(/\s+/g, '-');
  for (const zone of ['A', 'B', 'C'] as const) if (ACADEMY_ZONES[zone].includes(key)) return zone;
  return null;
}

/** Easter Sunday (anonymous Gregorian algorithm). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Public holidays (jours fériés) falling in the school year that starts in September of `year`. */
export function publicHolidays(year: number): { name: string; day: string }[] {
  const next = year + 1;
  const easter = easterSunday(next);
  return [
    { name: 'Toussaint', day: `${year}-11-01` },
    { name: 'Armistice 1918', day: `${year}-11-11` },
    { name: 'Noël', day: `${year}-12-25` },
    { name: 'Jour de l’an', day: `${next}-01-01` },
    { name: 'Lundi de Pâques', day: addDays(easter, 1) },
    { name: 'Fête du travail', day: `${next}-05-01` },
    { name: 'Victoire 1945', day: `${next}-05-08` },
    { name: 'Ascension', day: addDays(easter, 39) },
    { name: 'Lundi de Pentecôte', day: addDays(easter, 50) },
  ];
}

export interface DefaultPeriod {
  name: string;
  firstDay: string;
  lastDay: string;
  source: 'zone' | 'public';
}

/** Year bounds and holidays for a zone; a year Préau has no arrêté for gets public holidays only. */
export function defaultCalendar(year: number, zone: HolidayZone): { start: string; end: string; periods: DefaultPeriod[] } {
  const known = YEARS[year];
  const publics: DefaultPeriod[] = publicHolidays(year).map((p) => ({ name: p.name, firstDay: p.day, lastDay: p.day, source: 'public' }));
  if (!known) return { start: `${year}-09-01`, end: `${year + 1}-07-04`, periods: publics };
  const zonePeriods: DefaultPeriod[] = [...known.common, ...known.zones[zone]].map((p) => ({ ...p, source: 'zone' }));
  return { start: known.start, end: known.end, periods: [...zonePeriods, ...publics] };
}
