import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session';
import { useErrorMessage } from '../../../lib/error-messages';
import { Notice } from '../../../lib/ui/Notice';
import { Loading, Page } from '../../../lib/ui/Page';
import { SelectInput } from '../../../lib/ui/SelectInput';
import { usePeriods, useReport } from '../api';
import { ClassAverages } from '../components/ClassAverages';
import { GradeEntry } from '../components/GradeEntry';
import { currentPeriodId, localToday } from '../components/grade-input';
import { PeriodsForm } from '../components/PeriodsForm';
import { ReportView } from '../components/ReportView';
import '../grades.css';

/**
 * Grades: a student sees their own, a relative picks a child, a teacher enters grades for the
 * classes and subjects they teach (the server decides what each may see).
 */
export function GradesPage() {
  const { t } = useTranslation();
  const { me, membership, can } = useSession();
  const errorMessage = useErrorMessage();
  const establishmentId = membership?.establishment.id ?? null;
  const allowed = establishmentId !== null && can('grades.read');
  const isStudent = membership?.profiles.includes('student') ?? false;
  const children = me.children.filter((c) => c.establishments.some((e) => e.establishment.id === establishmentId));
  const [childId, setChildId] = useState<string | null>(null);
  const [periodChoice, setPeriodChoice] = useState<string | null>(null);
  const studentId = isStudent ? me.id : (childId ?? children[0]?.id ?? null);
  const periods = usePeriods(allowed ? establishmentId : null);
  // Opens on the current period; "year" is the whole school year.
  const periodId = periodChoice ?? currentPeriodId(periods.data?.periods ?? [], localToday()) ?? 'year';
  const report = useReport(allowed && periods.isSuccess ? establishmentId : null, studentId, periodId === 'year' ? null : periodId);
  const readsGrids = establishmentId !== null && (can('grades.write') || can('grades.manage'));

  return (
    <Page title={t('grades.title')} intro={<p>{t('grades.intro')}</p>}>
      {!allowed ? <Notice tone="info">{t('grades.noAccess')}</Notice> : null}
      {readsGrids && establishmentId ? <GradeEntry establishmentId={establishmentId} /> : null}
      {readsGrids && establishmentId && periods.data ? <ClassAverages establishmentId={establishmentId} periods={periods.data.periods} canManage={can('grades.manage')} /> : null}
      {establishmentId && can('grades.manage') && periods.data ? <PeriodsForm establishmentId={establishmentId} periods={periods.data.periods} /> : null}
      {allowed && studentId ? (
        <>
          <div className="switcher">
            {!isStudent && children.length > 1 ? (
              <SelectInput label={t('grades.child')} value={studentId} onChange={setChildId} options={children.map((c) => ({ id: c.id, label: `${c.firstName} ${c.lastName}` }))} />
            ) : null}
            <SelectInput
              label={t('grades.period')}
              value={periodId}
              onChange={setPeriodChoice}
              options={[...(periods.data?.periods ?? []).map((p) => ({ id: p.id, label: p.name })), { id: 'year', label: t('grades.year') }]}
            />
          </div>
          {report.isPending ? <Loading /> : null}
          {report.isError ? <Notice tone="error">{errorMessage(report.error)}</Notice> : null}
          {report.data ? (
            <>
              {!isStudent ? <p className="muted">{report.data.student.name}</p> : null}
              <ReportView report={report.data} />
            </>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
