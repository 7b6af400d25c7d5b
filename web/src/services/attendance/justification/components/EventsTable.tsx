import type { ChildAbsences } from '@preau/contracts';
import { useTranslation } from 'react-i18next';
import { useFormatDateTime } from '../../../../lib/format';
import { CheckboxInput } from '../../../../lib/ui/CheckboxInput';

type Row = ChildAbsences['events'][number];

/** A child's events; the ones the reader may justify carry a checkbox to build a selection. */
export function EventsTable({ events, selected, onToggle }: { events: Row[]; selected: Set<string>; onToggle: (id: string, on: boolean) => void }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  if (events.length === 0) return <p className="muted">{t('justification.none')}</p>;
  return (
    <div className="justification-table-wrap">
      <table className="justification-table">
        <thead>
          <tr>
            <th scope="col">{t('justification.when')}</th>
            <th scope="col">{t('justification.what')}</th>
            <th scope="col">{t('justification.status')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => {
            const what = `${t(`justification.kind.${e.kind}`)}${e.minutes ? ` (${t('justification.minutes', { count: e.minutes })})` : ''}`;
            const when = formatDateTime(e.startsAt);
            return (
              <tr key={e.id} data-event={e.id}>
                <td>
                  {e.canJustify ? (
                    <CheckboxInput name={`event-${e.id}`} label={when} isSelected={selected.has(e.id)} onChange={(on) => onToggle(e.id, on)} />
                  ) : (
                    when
                  )}
                </td>
                <td>
                  {what}
                  {e.group ? <span className="muted"> · {e.group.name}</span> : null}
                </td>
                <td>
                  <span className={`justification-state justification-state--${e.justification}`}>{t(`justification.state.${e.justification}`)}</span>
                  {e.reason ? <div className="muted">{t('justification.reasonShown', { reason: e.reason.name })}</div> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
