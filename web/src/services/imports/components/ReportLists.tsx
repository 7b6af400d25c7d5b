import { useTranslation } from 'react-i18next';
import { useFormatDate } from '../../../lib/format';
import { useCodeLabel } from '../labels';
import type { ImportReport } from '../report';

type Items<K extends keyof ImportReport> = ImportReport[K] extends { items: (infer T)[] } ? T[] : never;

/** "Léa Martin (identifiant lea.martin)": the login is what an administrator searches for. */
function Who({ name, login }: { name: string; login?: string | null }) {
  const { t } = useTranslation();
  return (
    <>
      <strong>{name}</strong>
      {login ? ` (${t('imports.report.login', { login })})` : null}
    </>
  );
}

export function CreatedList({ items }: { items: Items<'created'> }) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  return (
    <ul className="report-list">
      {items.map((item) => (
        <li key={item.externalId}>
          <Who name={item.name} login={item.login} /> — {label('profiles', item.profile)},{' '}
          {item.classes.length ? item.classes.join(', ') : t('imports.report.noClass')}
        </li>
      ))}
    </ul>
  );
}

export function UpdatedList({ items }: { items: Items<'updated'> }) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const value = (v: string | null) => v || t('imports.report.empty');
  return (
    <ul className="report-list">
      {items.map((item) => (
        <li key={item.personId}>
          <Who name={item.name} login={item.login} />
          {item.via === 'national_id' ? ` — ${t('imports.report.viaNationalId')}` : null}
          <ul className="report-list__changes">
            {item.changes.map((change) => (
              <li key={change.field}>
                {t('imports.report.change', {
                  field: label('imports.report.fields', change.field),
                  from: value(change.from),
                  to: value(change.to),
                })}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

export function MovedList({ items }: { items: Items<'moved'> }) {
  const { t } = useTranslation();
  const classes = (codes: string[]) => (codes.length ? codes.join(', ') : t('imports.report.noClass'));
  return (
    <ul className="report-list">
      {items.map((item) => (
        <li key={item.externalId}>
          <Who name={item.name} /> : {t('imports.report.move', { from: classes(item.from), to: classes(item.to) })}
        </li>
      ))}
    </ul>
  );
}

export function DeactivatedList({ items }: { items: Items<'deactivated'> }) {
  const label = useCodeLabel();
  return (
    <ul className="report-list">
      {items.map((item) => (
        <li key={`${item.personId}-${item.profile}`}>
          <Who name={item.name} /> — {label('profiles', item.profile)} : {label('imports.report.deactivationReasons', item.reason)}
        </li>
      ))}
    </ul>
  );
}

export function ConflictsList({ items }: { items: Items<'conflicts'> }) {
  const label = useCodeLabel();
  return (
    <ul className="report-list">
      {items.map((item) => (
        <li key={item.externalId}>
          <Who name={item.name} /> — {label('imports.report.conflictReasons', item.reason)}
          {item.detail ? (
            <span className="report-list__detail" lang="en">
              {item.detail}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function DuplicatesList({ items }: { items: Items<'duplicates'> }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  return (
    <ul className="report-list">
      {items.map((item) => (
        <li key={item.externalId}>
          <Who name={item.name} />
          {item.birthDate ? `, ${t('imports.report.born', { date: formatDate(item.birthDate) })}` : null}
          <span className="report-list__detail">
            {t('imports.report.candidates')}{' '}
            {item.candidates.map((c) => t('imports.report.candidate', { login: c.login, uais: c.uais.join(', ') })).join(' ; ')}
          </span>
        </li>
      ))}
    </ul>
  );
}
