import type { DisciplineList, Incident, IncidentType, Measure } from '@preau/contracts';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/error-messages';
import { useFormatDate, useFormatDateTime } from '../../../lib/format';
import { BusyButton } from '../../../lib/ui/BusyButton';
import { Notice } from '../../../lib/ui/Notice';
import { useCancelMeasure, useHistory, usePublish } from '../api';
import { IncidentForm } from './IncidentForm';

function History({ establishmentId, kind, id }: { establishmentId: string; kind: 'incidents' | 'measures'; id: string }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const [open, setOpen] = useState(false);
  const history = useHistory(establishmentId, kind, id, open);
  return (
    <div>
      <Button className="button button--small" aria-expanded={open} onPress={() => setOpen(!open)}>
        {t('discipline.history')}
      </Button>
      {open && history.data ? (
        <ol className="discipline-history">
          {history.data.entries.map((e, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the history only grows
            <li key={i}>
              {formatDateTime(e.at)} — {t(`discipline.actions.${e.action}`)}
              {e.actor ? ` (${e.actor.name})` : null}
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}

function Published({ at }: { at: string | null }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  return <span className={at ? 'muted' : 'discipline-unpublished'}>{at ? t('discipline.published', { date: formatDate(at) }) : t('discipline.unpublished')}</span>;
}

function IncidentItem({ incident, establishmentId, staff, types }: { incident: Incident; establishmentId: string; staff: boolean; types: IncidentType[] }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const formatDateTime = useFormatDateTime();
  const errorMessage = useErrorMessage();
  const publish = usePublish(establishmentId);
  return (
    <li className="card discipline-card" data-incident={incident.id}>
      <h3>
        {incident.type.label} · {formatDateTime(incident.occurredAt)}
      </h3>
      <p>
        {t('discipline.place')} : {incident.place}
      </p>
      <p className="discipline-card__text">{incident.description}</p>
      <p>{incident.students.map((s) => `${s.name} (${t(`discipline.roles.${s.role}`)})`).join(', ')}</p>
      {incident.reportedBy ? <p className="muted">{t('discipline.reportedBy', { name: incident.reportedBy.name })}</p> : null}
      {staff ? <Published at={incident.publishedAt} /> : null}
      <div className="discipline-card__actions">
        {incident.policies.publish ? (
          <BusyButton className="button button--primary" busy={publish.isPending} onPress={() => publish.mutate({ kind: 'incidents', id: incident.id })}>
            {t('discipline.publish')}
          </BusyButton>
        ) : null}
        {incident.policies.edit && types.length > 0 ? (
          <Button className="button button--small" aria-expanded={editing} onPress={() => setEditing(!editing)}>
            {t('discipline.form.edit')}
          </Button>
        ) : null}
        {staff ? <History establishmentId={establishmentId} kind="incidents" id={incident.id} /> : null}
      </div>
      {editing ? <IncidentForm establishmentId={establishmentId} types={types} incident={incident} onDone={() => setEditing(false)} /> : null}
      {publish.isError ? <Notice tone="error">{errorMessage(publish.error)}</Notice> : null}
    </li>
  );
}

function MeasureItem({ measure, establishmentId, staff }: { measure: Measure; establishmentId: string; staff: boolean }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const formatDateTime = useFormatDateTime();
  const errorMessage = useErrorMessage();
  const publish = usePublish(establishmentId);
  const cancel = useCancelMeasure(establishmentId);
  const authority = t(`discipline.authority.${measure.authority}`);
  return (
    <li className="card discipline-card" data-measure={measure.id}>
      <h3>
        {t(`discipline.kinds.${measure.kind}`)} · {measure.student.name}
        {measure.cancelledAt ? <strong> · {t('discipline.cancelled')}</strong> : null}
      </h3>
      <p className="muted">
        {t(`discipline.categories.${measure.category}`)}
        {authority ? `, ${authority}` : ''} · {formatDate(measure.decidedOn)}
      </p>
      {measure.scheduledAt ? <p>{t('discipline.detention', { when: formatDateTime(measure.scheduledAt), minutes: measure.durationMinutes })}</p> : null}
      {measure.startsOn && measure.endsOn ? <p>{t('discipline.dates', { from: formatDate(measure.startsOn), to: formatDate(measure.endsOn) })}</p> : null}
      <p className="discipline-card__text">{measure.reason}</p>
      {measure.decidedBy ? <p className="muted">{t('discipline.decidedBy', { name: measure.decidedBy.name })}</p> : null}
      {staff ? <Published at={measure.publishedAt} /> : null}
      <div className="discipline-card__actions">
        {measure.policies.publish ? (
          <BusyButton className="button button--primary" busy={publish.isPending} onPress={() => publish.mutate({ kind: 'measures', id: measure.id })}>
            {t('discipline.publish')}
          </BusyButton>
        ) : null}
        {measure.policies.cancel ? (
          <BusyButton className="button" busy={cancel.isPending} onPress={() => cancel.mutate(measure.id)}>
            {t('discipline.cancel')}
          </BusyButton>
        ) : null}
        {staff ? <History establishmentId={establishmentId} kind="measures" id={measure.id} /> : null}
      </div>
      {publish.isError || cancel.isError ? <Notice tone="error">{errorMessage(publish.error ?? cancel.error)}</Notice> : null}
    </li>
  );
}

/** Incidents then measures, newest first, with the actions each record's policies allow. */
export function RecordList({ records, establishmentId, staff, types = [] }: { records: DisciplineList; establishmentId: string; staff: boolean; types?: IncidentType[] }) {
  const { t } = useTranslation();
  return (
    <>
      <section aria-labelledby="discipline-incidents">
        <h2 id="discipline-incidents">{t('discipline.incidents')}</h2>
        {records.incidents.length === 0 ? <p className="muted">{t('discipline.noIncident')}</p> : null}
        <ul className="discipline-list">
          {records.incidents.map((i) => (
            <IncidentItem key={i.id} incident={i} establishmentId={establishmentId} staff={staff} types={types} />
          ))}
        </ul>
      </section>
      <section aria-labelledby="discipline-measures">
        <h2 id="discipline-measures">{t('discipline.measures')}</h2>
        {records.measures.length === 0 ? <p className="muted">{t('discipline.noMeasure')}</p> : null}
        <ul className="discipline-list">
          {records.measures.map((m) => (
            <MeasureItem key={m.id} measure={m} establishmentId={establishmentId} staff={staff} />
          ))}
        </ul>
      </section>
    </>
  );
}
