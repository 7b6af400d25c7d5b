import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../../app/session';
import { useErrorMessage } from '../../../lib/error-messages';
import { useFormatDate } from '../../../lib/format';
import { Notice } from '../../../lib/ui/Notice';
import { Loading, Page } from '../../../lib/ui/Page';
import { TextInput } from '../../../lib/ui/TextInput';
import { useDayEvents, useForgotten } from '../api';
import { isIsoDate, parisTime, parisToday } from '../components/dates';
import { Collectives } from '../components/Collectives';
import { Exemptions } from '../components/Exemptions';
import { ScrollRegion } from '../components/ScrollRegion';
import { StaffAbsenceForm } from '../components/StaffAbsenceForm';
import '../attendance.css';

/** Vie scolaire's day: the registers not taken past the delay, and the absences and late arrivals recorded. */
export function VieScolairePage() {
  const { t } = useTranslation();
  const { membership, can } = useSession();
  const errorMessage = useErrorMessage();
  const formatDate = useFormatDate();
  const establishmentId = membership?.establishment.id ?? null;
  const allowed = establishmentId !== null && can('attendance.manage');
  const [typed, setTyped] = useState(parisToday());
  const date = isIsoDate(typed) ? typed : parisToday();
  const forgotten = useForgotten(allowed ? establishmentId : null, date);
  const events = useDayEvents(allowed ? establishmentId : null, date);

  if (!allowed) {
    // Local administrators reach the reasons and settings from here; the day's lists are vie scolaire's.
    return (
      <Page title={t('attendance.vieScolaire.title')}>
        <Notice tone="info">{t('attendance.vieScolaire.noAccess')}</Notice>
        {establishmentId && can('attendance.settings') ? (
          <p>
            <Link to="/vie-scolaire/motifs">{t('attendance.vieScolaire.reasonsLink')}</Link>
          </p>
        ) : null}
      </Page>
    );
  }
  const day = formatDate(date);
  return (
    <Page title={t('attendance.vieScolaire.title')} intro={<p>{t('attendance.vieScolaire.intro')}</p>}>
      <p className="roll-days">
        <Link to="/appel">{t('attendance.vieScolaire.rollCallLink')}</Link>
        {can('attendance.settings') ? <Link to="/vie-scolaire/motifs">{t('attendance.vieScolaire.reasonsLink')}</Link> : null}
      </p>
      <TextInput label={t('attendance.vieScolaire.date')} value={typed} onChange={setTyped} errorMessage={isIsoDate(typed) ? null : t('attendance.vieScolaire.badDate')} verbatim />

      <h2>{t('attendance.vieScolaire.forgottenTitle')}</h2>
      {forgotten.isPending ? <Loading /> : null}
      {forgotten.isError ? <Notice tone="error">{errorMessage(forgotten.error)}</Notice> : null}
      {forgotten.data && forgotten.data.registers.length === 0 ? <p>{t('attendance.vieScolaire.noForgotten')}</p> : null}
      {forgotten.data && forgotten.data.registers.length > 0 ? (
        <ScrollRegion label={t('attendance.vieScolaire.forgottenCaption', { date: day })}>
          <table className="roll-table">
            <caption>{t('attendance.vieScolaire.forgottenCaption', { date: day })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('attendance.vieScolaire.lesson')}</th>
                <th scope="col">{t('attendance.vieScolaire.teacher')}</th>
                <th scope="col">{t('attendance.vieScolaire.late')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('attendance.vieScolaire.takeIt')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {forgotten.data.registers.map((r) => (
                <tr key={r.slotId}>
                  <th scope="row">
                    {r.start}–{r.end} · {r.group.name} · {r.subject.name}
                  </th>
                  <td>{r.teacher?.name ?? '—'}</td>
                  <td>
                    {r.minutesLate < 60
                      ? t('attendance.vieScolaire.minutes', { count: r.minutesLate })
                      : t('attendance.vieScolaire.hours', { hours: Math.floor(r.minutesLate / 60), minutes: String(r.minutesLate % 60).padStart(2, '0') })}
                  </td>
                  <td>
                    <Link to={`/appel?date=${r.date}&cours=${encodeURIComponent(r.slotId)}`} aria-label={`${t('attendance.vieScolaire.takeIt')} : ${r.group.name}, ${r.subject.name}, ${r.start}`}>
                      {t('attendance.vieScolaire.takeIt')}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}

      <h2>{t('attendance.vieScolaire.absencesTitle')}</h2>
      {events.isPending ? <Loading /> : null}
      {events.isError ? <Notice tone="error">{errorMessage(events.error)}</Notice> : null}
      {events.data && events.data.events.length === 0 ? <p>{t('attendance.vieScolaire.noAbsence')}</p> : null}
      {events.data && events.data.events.length > 0 ? (
        <ScrollRegion label={t('attendance.vieScolaire.absencesCaption', { date: day })}>
          <table className="roll-table">
            <caption>{t('attendance.vieScolaire.absencesCaption', { date: day })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('attendance.vieScolaire.studentCol')}</th>
                <th scope="col">{t('attendance.vieScolaire.classCol')}</th>
                <th scope="col">{t('attendance.vieScolaire.kindCol')}</th>
                <th scope="col">{t('attendance.vieScolaire.timeCol')}</th>
                <th scope="col">{t('attendance.vieScolaire.reasonCol')}</th>
                <th scope="col">{t('attendance.vieScolaire.justificationCol')}</th>
              </tr>
            </thead>
            <tbody>
              {events.data.events.map((e) => (
                <tr key={e.id}>
                  <th scope="row">{e.student.name}</th>
                  <td>{e.group?.name ?? '—'}</td>
                  <td>
                    {t(`attendance.vieScolaire.kind.${e.kind}`, { minutes: e.minutes })} ({t(`attendance.vieScolaire.source.${e.source}`)})
                    {e.flagged ? ` — ${t('attendance.vieScolaire.flagged')}` : ''}
                  </td>
                  <td>
                    {parisTime(e.startsAt)}–{parisTime(e.endsAt)}
                  </td>
                  <td>{e.reason?.name ?? '—'}</td>
                  <td>{t(`attendance.vieScolaire.justification.${e.justification}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
      {establishmentId ? <StaffAbsenceForm establishmentId={establishmentId} date={date} /> : null}
      {establishmentId ? <Collectives establishmentId={establishmentId} date={date} /> : null}
      {establishmentId ? <Exemptions establishmentId={establishmentId} date={date} /> : null}
    </Page>
  );
}
