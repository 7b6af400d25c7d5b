import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session';
import { useErrorMessage } from '../../../lib/error-messages';
import { Notice } from '../../../lib/ui/Notice';
import { Loading, Page } from '../../../lib/ui/Page';
import { SelectInput } from '../../../lib/ui/SelectInput';
import { useCycleSummary, usePeriods, useSummary } from '../api';
import { ClassView } from '../components/ClassView';
import { SkillEntry } from '../components/SkillEntry';
import { CycleView, SummaryView } from '../components/SummaryView';
import '../skills.css';

const CYCLE = 'cycle';
const YEAR = 'year';

/**
 * Skills: a student sees their own summary, a relative picks a child, a teacher assesses the
 * skills of the classes and subjects they teach and sees the class view; the head reads every
 * class (the server decides what each may see).
 */
export function SkillsPage() {
  const { t } = useTranslation();
  const { me, membership, can } = useSession();
  const errorMessage = useErrorMessage();
  const establishmentId = membership?.establishment.id ?? null;
  const allowed = establishmentId !== null && can('skills.read');
  const isStudent = membership?.profiles.includes('student') ?? false;
  const children = me.children.filter((c) => c.establishments.some((e) => e.establishment.id === establishmentId));
  const [childId, setChildId] = useState<string | null>(null);
  const [view, setView] = useState<string>(YEAR);
  const studentId = isStudent ? me.id : (childId ?? children[0]?.id ?? null);
  const periods = usePeriods(allowed ? establishmentId : null);
  const periodId = view === YEAR || view === CYCLE ? null : view;
  const summary = useSummary(allowed && view !== CYCLE ? establishmentId : null, studentId, periodId);
  const cycle = useCycleSummary(allowed ? establishmentId : null, studentId, view === CYCLE);
  const teaches = establishmentId !== null && can('skills.write');
  const current = view === CYCLE ? cycle : summary;

  const periodPicker = (
    <SelectInput
      label={t('skills.period')}
      value={view}
      onChange={setView}
      options={[...(periods.data?.periods ?? []).map((p) => ({ id: p.id, label: p.name })), { id: YEAR, label: t('skills.year') }, ...(studentId ? [{ id: CYCLE, label: t('skills.cycle') }] : [])]}
    />
  );
  return (
    <Page title={t('skills.title')} intro={<p>{t('skills.intro')}</p>}>
      {!allowed ? <Notice tone="info">{t('skills.noAccess')}</Notice> : null}
      {allowed && teaches && establishmentId ? (
        <>
          <SkillEntry establishmentId={establishmentId} />
          <div className="switcher">{periodPicker}</div>
          <ClassView establishmentId={establishmentId} periodId={periodId} />
        </>
      ) : null}
      {allowed && studentId ? (
        <>
          <div className="switcher">
            {!isStudent && children.length > 1 ? (
              <SelectInput label={t('skills.child')} value={studentId} onChange={setChildId} options={children.map((c) => ({ id: c.id, label: `${c.firstName} ${c.lastName}` }))} />
            ) : null}
            {periodPicker}
          </div>
          {current.isPending ? <Loading /> : null}
          {current.isError ? <Notice tone="error">{errorMessage(current.error)}</Notice> : null}
          {view === CYCLE && cycle.data ? <CycleView summary={cycle.data} /> : null}
          {view !== CYCLE && summary.data ? (
            <>
              {!isStudent ? <p className="muted">{summary.data.student.name}</p> : null}
              <SummaryView summary={summary.data} />
            </>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
