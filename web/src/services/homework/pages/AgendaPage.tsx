import type { AgendaItem } from '@preau/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../../app/session';
import { useErrorMessage } from '../../../lib/error-messages';
import { useFormatDate } from '../../../lib/format';
import { CheckboxInput } from '../../../lib/ui/CheckboxInput';
import { Notice } from '../../../lib/ui/Notice';
import { Loading, Page } from '../../../lib/ui/Page';
import { SelectInput } from '../../../lib/ui/SelectInput';
import { useAgenda, useMarkDone } from '../api';
import '../homework.css';

function Item({ item, establishmentId, canMark, studentId }: { item: AgendaItem; establishmentId: string; canMark: boolean; studentId?: string }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const mark = useMarkDone(establishmentId);
  return (
    <li className={`agenda-item card${item.done ? ' agenda-item--done' : ''}`} data-homework={item.subject.name}>
      <p className="agenda-item__head">
        <strong>{item.subject.name}</strong> · {t(`homework.agenda.kinds.${item.kind}`)}
        {item.estimatedMinutes ? ` · ${t('homework.textbook.minutes', { count: item.estimatedMinutes })}` : ''}
      </p>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on the server */}
      <div className="rich-text" dangerouslySetInnerHTML={{ __html: item.instructionsHtml }} />
      <p className="muted">{t('homework.agenda.session', { title: item.entryTitle })}</p>
      {item.handIn === 'online' ? (
        <p>
          <Link to={`/devoirs/${encodeURIComponent(item.id)}/rendu${studentId ? `?eleve=${encodeURIComponent(studentId)}` : ''}`}>{t('homework.handin.open', { subject: item.subject.name })}</Link>
        </p>
      ) : null}
      {canMark ? (
        <CheckboxInput
          name={`done-${item.id}`}
          label={t('homework.agenda.doneLabel', { subject: item.subject.name, date: formatDate(item.dueOn) })}
          isSelected={item.done === true}
          onChange={(done) => mark.mutate({ homeworkId: item.id, done })}
        />
      ) : null}
    </li>
  );
}

function byDate(items: AgendaItem[]): [string, AgendaItem[]][] {
  const groups = new Map<string, AgendaItem[]>();
  for (const item of items) groups.set(item.dueOn, [...(groups.get(item.dueOn) ?? []), item]);
  return [...groups];
}

/** A student's homework by due date; a relative picks the child. Done ticks are the student's own. */
export function AgendaPage() {
  const { t } = useTranslation();
  const { me, membership, can } = useSession();
  const errorMessage = useErrorMessage();
  const formatDate = useFormatDate();
  const establishmentId = membership?.establishment.id ?? null;
  const allowed = establishmentId !== null && can('homework.agenda');
  const children = me.children.filter((c) => c.establishments.some((e) => e.establishment.id === establishmentId));
  const isStudent = membership?.profiles.includes('student') ?? false;
  const [childId, setChildId] = useState<string | null>(null);
  const studentId = isStudent ? me.id : (childId ?? children[0]?.id ?? null);
  const agenda = useAgenda(allowed ? establishmentId : null, studentId);

  return (
    <Page title={t('homework.agenda.title')} intro={<p>{t('homework.agenda.intro')}</p>}>
      {!allowed ? <Notice tone="info">{t('homework.agenda.noAccess')}</Notice> : null}
      {!isStudent && children.length > 1 ? (
        <div className="switcher">
          <SelectInput label={t('homework.agenda.child')} value={studentId ?? ''} onChange={setChildId} options={children.map((c) => ({ id: c.id, label: `${c.firstName} ${c.lastName}` }))} />
        </div>
      ) : null}
      {agenda.isPending && allowed && studentId ? <Loading /> : null}
      {agenda.isError ? <Notice tone="error">{errorMessage(agenda.error)}</Notice> : null}
      {agenda.data && establishmentId ? (
        <>
          {!isStudent ? <p className="muted">{agenda.data.student.displayName}</p> : null}
          {agenda.data.canMarkDone ? <p className="muted">{t('homework.agenda.privateNote')}</p> : null}
          {agenda.data.overdue.length > 0 ? (
            <section aria-labelledby="overdue-title" className="agenda-section">
              <h2 id="overdue-title">{t('homework.agenda.overdue')}</h2>
              <ul className="agenda-list">
                {agenda.data.overdue.map((item) => (
                  <Item key={item.id} item={item} establishmentId={establishmentId} canMark={agenda.data.canMarkDone} studentId={isStudent ? undefined : (studentId ?? undefined)} />
                ))}
              </ul>
            </section>
          ) : null}
          <section aria-labelledby="upcoming-title" className="agenda-section">
            <h2 id="upcoming-title">{t('homework.agenda.upcoming')}</h2>
            {agenda.data.items.length === 0 ? <p className="muted">{t('homework.agenda.empty')}</p> : null}
            {byDate(agenda.data.items).map(([date, items]) => (
              <section key={date} aria-labelledby={`due-${date}`} className="agenda-day">
                <h3 id={`due-${date}`}>{t('homework.agenda.due', { date: formatDate(date) })}</h3>
                <ul className="agenda-list">
                  {items.map((item) => (
                    <Item key={item.id} item={item} establishmentId={establishmentId} canMark={agenda.data.canMarkDone} studentId={isStudent ? undefined : (studentId ?? undefined)} />
                  ))}
                </ul>
              </section>
            ))}
          </section>
        </>
      ) : null}
    </Page>
  );
}
