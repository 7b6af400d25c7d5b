import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TileIcon } from './TileIcon';

type Tile = { id: string; path: string };
const KNOWN_TILES = new Set(['messaging', 'communication', 'directory', 'account', 'admin', 'imports', 'establishments', 'audit', 'timetable', 'textbook', 'agenda', 'grades', 'attendance', 'vie_scolaire', 'absences', 'justifications', 'discipline', 'report_cards', 'skills']);

/**
 * The services the server opened for this person in this establishment. The list comes from
 * GET /api/portal/home: the client never adds a tile on its own.
 */
export function Tiles({ tiles }: { tiles: Tile[] }) {
  const { t } = useTranslation();
  if (tiles.length === 0) return <p>{t('portal.home.noTiles')}</p>;
  return (
    <ul className="tiles">
      {tiles.map((tile) => {
        const known = KNOWN_TILES.has(tile.id);
        return (
          <li key={tile.id} className={`tile tile--${known ? tile.id : 'other'}`} data-tile={tile.id}>
            <Link to={tile.path} className="tile__link">
              <TileIcon id={known ? tile.id : 'other'} />
              <span className="tile__title">{known ? t(`portal.tiles.${tile.id}.title`) : tile.id}</span>
              <span className="tile__description">
                {known ? t(`portal.tiles.${tile.id}.description`) : t('portal.tiles.unknown.description')}
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
