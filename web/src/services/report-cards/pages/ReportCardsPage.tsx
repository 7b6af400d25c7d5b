import type { ReportCardClasses } from '@preau/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session';
import { useErrorMessage } from '../../../lib/error-messages';
import { Notice } from '../../../lib/ui/Notice';
import { Loading, Page } from '../../../lib/ui/Page';
import { SelectInput } from '../../../lib/ui/SelectInput';
import { useReportCardClasses } from '../api';
import { AppreciationForm } from '../components/AppreciationForm';
import { BulletinList } from '../components/BulletinList';
import { CouncilPanel } from '../components/CouncilPanel';
import '../report-cards.css';

const today = () => new Date().toISOString().slice(0, 10);

/** Teachers' appreciations and the class council, for a chosen class and period. */
function ClassWork({ establishmentId, data, readsAll }: { establishmentId: string; data: ReportCardClasses; readsAll: boolean }) {
  const { t } = useTranslation();
  const [groupId, setGroupId] = useState(data.classes[0]?.group.id ?? '');
  const current = data.periods.find((p) => p.startsOn <= today() && today() <= p.endsOn) ?? data.periods[0];
  const [periodId, setPeriodId] = useState(current?.id ?? '');
  const [subjectId, setSubjectId] = useState<string | null>(null);
  const chosen = data.classes.find((c) => c.group.id === groupId) ?? data.classes[0];
  if (!chosen) return null;
  if (data.periods.length === 0) return <Notice tone="info">{t('reportCards.noPeriods')}</Notice>;
  const subject = chosen.subjects.find((s) => s.id === subjectId) ?? chosen.subjects[0];
  return (
    <section className="card report-cards" aria-labelledby="report-cards-work">
      <h2 id="report-cards-work">{t('reportCards.work')}</h2>
      <div className="switcher">
        <SelectInput label={t('reportCards.class')} value={chosen.group.id} onChange={setGroupId} options={data.classes.map((c) => ({ id: c.group.id, label: c.group.name }))} />
        <SelectInput label={t('reportCards.period')} value={periodId} onChange={setPeriodId} options={data.periods.map((p) => ({ id: p.id, label: p.name }))} />
        {chosen.subjects.length > 1 ? (
          <SelectInput label={t('reportCards.subject')} value={subject?.id ?? ''} onChange={setSubjectId} options={chosen.subjects.map((s) => ({ id: s.id, label: s.name }))} />
        ) : null}
      </div>
      {subject ? <AppreciationForm key={`${chosen.group.id}-${periodId}-${subject.id}`} establishmentId={establishmentId} groupId={chosen.group.id} periodId={periodId} subjectId={subject.id} /> : null}
      {chosen.headTeacher || readsAll ? <CouncilPanel key={`${chosen.group.id}-${periodId}`} establishmentId={establishmentId} groupId={chosen.group.id} periodId={periodId} manages={chosen.manages} bulletins={readsAll} /> : null}
    </section>
  );
}

/**
 * Bulletins: a student reads their own, a relative their children's (PDF); teachers write their
 * appreciations; the head teacher and the management hold the class council (the server decides).
 */
export function ReportCardsPage() {
  const { t } = useTranslation();
  const { me, membership, can } = useSession();
  const errorMessage = useErrorMessage();
  const establishmentId = membership?.establishment.id ?? null;
  const allowed = establishmentId !== null && can('report_cards.read');
  const isStudent = membership?.profiles.includes('student') ?? false;
  const readsAll = membership?.functions.some((f) => f === 'head' || f === 'deputy' || f === 'cpe') ?? false;
  const works = readsAll || (membership?.profiles.includes('teacher') ?? false);
  // Only legal guardians receive bulletins (the server refuses the others).
  const children = me.children.filter((c) => c.legalGuardian && c.establishments.some((e) => e.establishment.id === establishmentId));
  const [childId, setChildId] = useState<string | null>(null);
  const child = children.find((c) => c.id === childId) ?? children[0];
  const classes = useReportCardClasses(allowed && works ? establishmentId : null);

  return (
    <Page title={t('reportCards.title')} intro={<p>{t('reportCards.intro')}</p>}>
      {!allowed ? <Notice tone="info">{t('reportCards.noAccess')}</Notice> : null}
      {allowed && establishmentId && isStudent ? <BulletinList establishmentId={establishmentId} studentId={me.id} title={t('reportCards.mine')} /> : null}
      {allowed && establishmentId && !isStudent && child ? (
        <>
          {children.length > 1 ? (
            <div className="switcher">
              <SelectInput label={t('reportCards.child')} value={child.id} onChange={setChildId} options={children.map((c) => ({ id: c.id, label: `${c.firstName} ${c.lastName}` }))} />
            </div>
          ) : null}
          <BulletinList key={child.id} establishmentId={establishmentId} studentId={child.id} title={t('reportCards.ofChild', { name: `${child.firstName} ${child.lastName}` })} />
        </>
      ) : null}
      {classes.isPending && allowed && works ? <Loading /> : null}
      {classes.isError ? <Notice tone="error">{errorMessage(classes.error)}</Notice> : null}
      {classes.data && establishmentId && classes.data.classes.length > 0 ? <ClassWork establishmentId={establishmentId} data={classes.data} readsAll={readsAll} /> : null}
    </Page>
  );
}
