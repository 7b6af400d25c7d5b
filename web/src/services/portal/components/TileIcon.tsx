/**
 * Line icons for the known tiles (24×24, stroked in currentColor). Decorative: the tile's title
 * says what it is, so the icon is hidden from assistive technologies.
 */
const PATHS: Record<string, string[]> = {
  timetable: ['M4 5h16v15H4z', 'M4 9h16', 'M8 3v4M16 3v4', 'M8 13h3M13 13h3M8 16h3'],
  textbook: ['M5 4h11a3 3 0 0 1 3 3v13H8a3 3 0 0 1-3-3z', 'M5 17a3 3 0 0 1 3-3h11', 'M9 8h6'],
  grades: ['M4 20V10M10 20V4M16 20v-7M22 20H2'],
  attendance: ['M6 4h12v16H6z', 'M9 9l1.5 1.5L13 8', 'M9 15h6'],
  vie_scolaire: ['M12 3a4 4 0 1 1 0 8 4 4 0 0 1 0-8z', 'M4 21a8 8 0 0 1 16 0'],
  absences: ['M4 5h16v15H4z', 'M4 9h16', 'M8 3v4M16 3v4', 'M9 13l6 5M15 13l-6 5'],
  justifications: ['M6 3h9l4 4v14H6z', 'M15 3v4h4', 'M9 14l2 2 4-4'],
  discipline: ['M12 3l9 16H3z', 'M12 10v4', 'M12 17v.5'],
  report_cards: ['M6 3h9l4 4v14H6z', 'M15 3v4h4', 'M9 11h7M9 14h7M9 17h4'],
  skills: ['M12 3l2.6 5.3 5.9.9-4.3 4.1 1 5.8L12 16.4 6.8 19.1l1-5.8L3.5 9.2l5.9-.9z'],
  agenda: ['M9 6h11M9 12h11M9 18h11', 'M4 6l1 1 2-2M4 12l1 1 2-2', 'M4 18h2'],
  messaging: ['M4 6h16v12H4z', 'M4 7l8 6 8-6'],
  communication: ['M4 5h10v7H8l-4 3z', 'M14 9h6v7l-3-2h-5v-2'],
  directory: ['M9 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6Z', 'M3 19c0-3 3-5 6-5s6 2 6 5', 'M16 5.5a3 3 0 0 1 0 5.5', 'M18 14c2 .6 3 2.3 3 5'],
  account: ['M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8Z', 'M4 20c0-4 3.6-6 8-6s8 2 8 6'],
  admin: ['M12 3l7 3v5c0 4.5-3 8-7 10-4-2-7-5.5-7-10V6l7-3Z', 'M9 12l2 2 4-4'],
  audit: ['M8 4h8v3H8z', 'M6 5H5v16h14V5h-1', 'M8 11h8M8 15h8M8 19h5'],
  imports: ['M12 3v11', 'M8 10l4 4 4-4', 'M4 15v5h16v-5'],
  establishments: ['M3 21h18', 'M5 21V10l7-5 7 5v11', 'M10 21v-5h4v5', 'M12 8.5v2'],
};

export function TileIcon({ id }: { id: string }) {
  const paths = PATHS[id];
  return (
    <span className="tile__icon" aria-hidden="true">
      {paths ? (
        <svg viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" focusable="false" aria-hidden="true">
          {paths.map((d) => (
            <path key={d} d={d} />
          ))}
        </svg>
      ) : null}
    </span>
  );
}
