import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session';
import { useErrorMessage } from '../../../lib/error-messages';
import { Notice } from '../../../lib/ui/Notice';
import { Loading, Page } from '../../../lib/ui/Page';
import { SelectInput } from '../../../lib/ui/SelectInput';
import { useIncidentTypes, useRecords } from '../api';
import { IncidentForm } from '../components/IncidentForm';
import { MeasureForm } from '../components/MeasureForm';
import { RecordList } from '../components/RecordList';
import { TypesForm } from '../components/TypesForm';
import '../discipline.css';

/**
 * Incidents and sanctions. Staff (teachers, vie scolaire) record, list and publish; a student reads
 * their own published records, a relative picks a child. The server decides what each may see.
 */
export function DisciplinePage() {
  const { t } = useTranslation();
  const { me, membership, can } = useSession();
  const errorMessage = useErrorMessage();
  const establishmentId = membership?.establishment.id ?? null;
  const allowed = establishmentId !== null && can('discipline.read');
  const staff = establishmentId !== null && can('discipline.write');
  const isStudent = membership?.profiles.includes('student') ?? false;
  const children = me.children.filter((c) => c.establishments.some((e) => e.establishment.id === establishmentId));
  const [childId, setChildId] = useState<string | null>(null);
  const studentId = staff ? null : isStudent ? me.id : (childId ?? children[0]?.id ?? null);
  const family = allowed && !staff;
  const records = useRecords(allowed && (staff || studentId) ? establishmentId : null, studentId);
  const types = useIncidentTypes(staff ? establishmentId : null);
  const pronouncesSanctions = membership?.functions.some((f) => f === 'head' || f === 'deputy') ?? false;

  return (
    <Page title={t('discipline.title')} intro={<p>{t('discipline.intro')}</p>}>
      {!allowed || (family && !studentId) ? <Notice tone="info">{t('discipline.noAccess')}</Notice> : null}
      {staff && establishmentId && types.data ? (
        <>
          <IncidentForm establishmentId={establishmentId} types={types.data.types} />
          <MeasureForm establishmentId={establishmentId} pronouncesSanctions={pronouncesSanctions} />
          {can('discipline.manage') ? <TypesForm key={types.dataUpdatedAt} establishmentId={establishmentId} types={types.data.types} /> : null}
        </>
      ) : null}
      {family && !isStudent && children.length > 1 ? (
        <div className="switcher">
          <SelectInput label={t('discipline.child')} value={studentId ?? ''} onChange={setChildId} options={children.map((c) => ({ id: c.id, label: `${c.firstName} ${c.lastName}` }))} />
        </div>
      ) : null}
      {records.isPending && allowed && (staff || studentId) ? <Loading /> : null}
      {records.isError ? <Notice tone="error">{errorMessage(records.error)}</Notice> : null}
      {records.data && establishmentId ? <RecordList records={records.data} establishmentId={establishmentId} staff={staff} types={types.data?.types} /> : null}
    </Page>
  );
}
