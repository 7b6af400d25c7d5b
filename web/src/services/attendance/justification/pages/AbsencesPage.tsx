import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../../app/session';
import { useErrorMessage } from '../../../../lib/error-messages';
import { useFormatDate } from '../../../../lib/format';
import { Notice } from '../../../../lib/ui/Notice';
import { Loading, Page } from '../../../../lib/ui/Page';
import { SelectInput } from '../../../../lib/ui/SelectInput';
import { useChildAbsences } from '../api';
import { DeclareForm } from '../components/DeclareForm';
import { EventsTable } from '../components/EventsTable';
import { JustificationCard } from '../components/JustificationCard';
import { JustifyForm } from '../components/JustifyForm';
import '../justification.css';

/**
 * A family's absences page: the child's absences and lateness (a relative picks a child, a student
 * sees their own), justified online with a reason and a document, and absences declared ahead.
 * Who may justify is the server's decision (`canJustify`).
 */
export function AbsencesPage() {
  const { t } = useTranslation();
  const { me, membership, can } = useSession();
  const errorMessage = useErrorMessage();
  const formatDate = useFormatDate();
  const establishmentId = membership?.establishment.id ?? null;
  const allowed = establishmentId !== null && can('attendance.read');
  const isStudent = membership?.profiles.includes('student') ?? false;
  const children = me.children.filter((c) => c.establishments.some((e) => e.establishment.id === establishmentId));
  const [childId, setChildId] = useState<string | null>(null);
  const studentId = isStudent ? me.id : (childId ?? children[0]?.id ?? null);
  const absences = useChildAbsences(allowed ? establishmentId : null, studentId);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <Page title={t('justification.title')} intro={<p>{t('justification.intro')}</p>}>
      {!allowed || !studentId ? <Notice tone="info">{t('justification.noAccess')}</Notice> : null}
      {allowed && !isStudent && children.length > 1 ? (
        <div className="switcher">
          <SelectInput
            label={t('justification.child')}
            value={studentId ?? ''}
            onChange={(id) => {
              setChildId(id);
              setSelected(new Set());
            }}
            options={children.map((c) => ({ id: c.id, label: `${c.firstName} ${c.lastName}` }))}
          />
        </div>
      ) : null}
      {absences.isPending && allowed && studentId ? <Loading /> : null}
      {absences.isError ? <Notice tone="error">{errorMessage(absences.error)}</Notice> : null}
      {absences.data && establishmentId && studentId ? (
        <>
          {!isStudent ? <p className="muted">{absences.data.student.name}</p> : null}
          <p>
            <span className="muted">{t('justification.summaryPeriod', { from: formatDate(absences.data.from), to: formatDate(absences.data.to) })} · </span>
            {t('justification.summary', {
              absent: absences.data.figures.absentHalfDays,
              unjustified: absences.data.figures.unjustifiedHalfDays,
              late: absences.data.figures.lateCount,
              minutes: absences.data.figures.lateMinutes,
            })}
          </p>
          <EventsTable events={absences.data.events} selected={selected} onToggle={toggle} />
          {absences.data.canJustify ? (
            <>
              <JustifyForm
                key={studentId}
                establishmentId={establishmentId}
                eventIds={[...selected].filter((id) => absences.data.events.some((e) => e.id === id && e.canJustify))}
                reasons={absences.data.reasons}
                onSent={() => setSelected(new Set())}
              />
              <DeclareForm key={`declare-${studentId}`} establishmentId={establishmentId} studentId={studentId} reasons={absences.data.reasons} />
            </>
          ) : (
            <p className="muted">{t('justification.cannotJustify')}</p>
          )}
          {absences.data.justifications.length > 0 ? (
            <section aria-labelledby="justifications-sent">
              <h2 id="justifications-sent">{t('justification.history')}</h2>
              <ul className="justification-list">
                {absences.data.justifications.map((j) => (
                  <JustificationCard key={j.id} record={j} establishmentId={establishmentId} />
                ))}
              </ul>
            </section>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
