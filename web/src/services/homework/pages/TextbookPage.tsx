import type { Entry, EntryResult } from '@preau/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../../app/session';
import { useErrorMessage } from '../../../lib/error-messages';
import { useFormatDate } from '../../../lib/format';
import { Notice } from '../../../lib/ui/Notice';
import { Loading, Page } from '../../../lib/ui/Page';
import { SelectInput } from '../../../lib/ui/SelectInput';
import { useDeleteEntry, useTextbook, useTextbookGroups } from '../api';
import { EntryCard } from '../components/EntryCard';
import { EntryForm } from '../components/EntryForm';
import { CopyForm } from '../components/CopyForm';
import { VisaForm } from '../components/VisaForm';
import { WorkloadTable } from '../components/WorkloadTable';
import '../homework.css';

/** The cahier de textes of one class or group: navigation by subject, sessions by date, visas, workload. */
export function TextbookPage() {
  const { t } = useTranslation();
  const { membership, can } = useSession();
  const errorMessage = useErrorMessage();
  const formatDate = useFormatDate();
  const establishmentId = membership?.establishment.id ?? null;
  const allowed = establishmentId !== null && can('homework.read');
  const groups = useTextbookGroups(allowed ? establishmentId : null);
  // Coming from a lesson of the timetable: that class and subject.
  const [params] = useSearchParams();
  const [groupId, setGroupId] = useState<string | null>(params.get('groupId'));
  const [subjectId, setSubjectId] = useState<string | null>(params.get('subjectId'));
  const [editing, setEditing] = useState<Entry | 'new' | null>(null);
  const [saved, setSaved] = useState<EntryResult | null>(null);
  const currentGroup = groups.data?.items.find((g) => g.id === groupId)?.id ?? groups.data?.items[0]?.id ?? null;
  const book = useTextbook(establishmentId, currentGroup, subjectId);
  const remove = useDeleteEntry(establishmentId ?? '');
  const writable = groups.data?.items.find((g) => g.id === currentGroup)?.writableSubjects ?? [];

  const onSaved = (result: EntryResult) => {
    setSaved(result);
    setEditing(null);
  };
  return (
    <Page title={t('homework.textbook.title')} intro={<p>{t('homework.textbook.intro')}</p>}>
      {!allowed ? <Notice tone="info">{t('homework.textbook.noAccess')}</Notice> : null}
      {can('homework.archive') ? (
        <p>
          <Link to="/cahier-de-textes/archives">{t('homework.archive.title')}</Link>
        </p>
      ) : null}
      {groups.isPending && allowed ? <Loading /> : null}
      {groups.isError ? <Notice tone="error">{errorMessage(groups.error)}</Notice> : null}
      {groups.data && currentGroup && establishmentId ? (
        <>
          <div className="search-form">
            <SelectInput
              label={t('homework.textbook.group')}
              value={currentGroup}
              onChange={(id) => {
                setGroupId(id);
                setSubjectId(null);
                setEditing(null);
              }}
              options={groups.data.items.map((g) => ({ id: g.id, label: g.name }))}
            />
            <SelectInput
              label={t('homework.textbook.subject')}
              value={subjectId ?? 'all'}
              onChange={(id) => setSubjectId(id === 'all' ? null : id)}
              options={[{ id: 'all', label: t('homework.textbook.allSubjects') }, ...(book.data?.subjects ?? []).map((s) => ({ id: s.id, label: s.name }))]}
            />
          </div>
          {saved ? (
            <>
              <Notice tone="success">{t('homework.entry.saved')}</Notice>
              {saved.warnings.map((w) => (
                <Notice key={w.date} tone="info">
                  {t('homework.entry.busyDay', { date: formatDate(w.date), tests: w.tests })}
                </Notice>
              ))}
            </>
          ) : null}
          {writable.length > 0 && editing === null ? (
            <p>
              <button type="button" className="button button--primary" onClick={() => { setSaved(null); setEditing('new'); }}>
                {t('homework.entry.new')}
              </button>
            </p>
          ) : null}
          {editing !== null ? (
            <EntryForm
              key={editing === 'new' ? 'new' : editing.id}
              establishmentId={establishmentId}
              groupId={currentGroup}
              subjects={writable}
              entry={editing === 'new' ? null : editing}
              onDone={() => setEditing(null)}
              onSaved={onSaved}
            />
          ) : null}
          {book.isError ? <Notice tone="error">{errorMessage(book.error)}</Notice> : null}
          {remove.isError ? <Notice tone="error">{errorMessage(remove.error)}</Notice> : null}
          {book.data ? (
            <>
              <section aria-labelledby="sessions-title">
                <h2 id="sessions-title">{t('homework.textbook.sessions')}</h2>
                {book.data.entries.length === 0 ? <p className="muted">{t('homework.textbook.empty')}</p> : null}
                <div className="entries">
                  {[...book.data.entries].reverse().map((entry) => (
                    <EntryCard
                      key={entry.id}
                      entry={entry}
                      establishmentId={establishmentId}
                      onEdit={entry.canEdit ? () => { setSaved(null); setEditing(entry); } : undefined}
                      onDelete={entry.canEdit ? () => remove.mutate(entry.id) : undefined}
                    />
                  ))}
                </div>
              </section>
              {book.data.visas.length > 0 ? (
                <section aria-labelledby="visas-title">
                  <h2 id="visas-title">{t('homework.textbook.visas')}</h2>
                  <ul className="plain-list visas">
                    {book.data.visas.map((v) => (
                      <li key={v.id} className="card">
                        <p>
                          <strong>{t('homework.textbook.visaLine', { date: formatDate(v.date), name: v.by?.displayName ?? '—' })}</strong>
                          {v.subject ? ` · ${v.subject.name}` : ''}
                        </p>
                        {v.comment ? <p>{v.comment}</p> : null}
                      </li>
                    ))}
                  </ul>
                </section>
              ) : null}
              {writable.length > 0 ? <CopyForm establishmentId={establishmentId} fromGroupId={currentGroup} subjects={writable} groups={groups.data.items} /> : null}
              {book.data.canVisa ? <VisaForm establishmentId={establishmentId} groupId={currentGroup} subjectId={subjectId} /> : null}
              <WorkloadTable establishmentId={establishmentId} groupId={currentGroup} />
            </>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
