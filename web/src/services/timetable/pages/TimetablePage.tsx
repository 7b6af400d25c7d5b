import type { TimetableChoices, TimetableView } from '@preau/contracts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../../app/session';
import { useErrorMessage } from '../../../lib/error-messages';
import { useFormatDate } from '../../../lib/format';
import { Notice } from '../../../lib/ui/Notice';
import { Loading, Page } from '../../../lib/ui/Page';
import { SelectInput } from '../../../lib/ui/SelectInput';
import { isoDate, shiftDate, type TimetableTarget, useChoicesQuery, useTimetableQuery } from '../api';
import { CalendarFeedPanel } from '../components/CalendarFeedPanel';
import { WeekView } from '../components/WeekView';
import '../timetable.css';

type Kind = 'own' | 'child' | TimetableView;

function optionsFor(kind: Kind, choices: TimetableChoices): { id: string; label: string }[] {
  switch (kind) {
    case 'child':
      return choices.children.map((c) => ({ id: c.id, label: c.name }));
    case 'class':
      return choices.groups.map((g) => ({ id: g.id, label: g.name }));
    case 'teacher':
      return choices.teachers.map((p) => ({ id: p.id, label: p.displayName }));
    case 'room':
      return choices.rooms.map((r) => ({ id: r.id, label: `${r.code} — ${r.name}` }));
    default:
      return [];
  }
}

/** What to show first: one's own, else the first child, else the first class. */
function initialKind(choices: TimetableChoices): Kind {
  if (choices.own) return 'own';
  if (choices.children.length) return 'child';
  return 'class';
}

function Chooser({ choices, kind, id, onChange }: { choices: TimetableChoices; kind: Kind; id: string; onChange: (kind: Kind, id: string) => void }) {
  const { t } = useTranslation();
  const kinds: Kind[] = [
    ...(choices.own ? (['own'] as const) : []),
    ...(choices.children.length ? (['child'] as const) : []),
    ...(choices.groups.length ? (['class'] as const) : []),
    ...(choices.teachers.length ? (['teacher'] as const) : []),
    ...(choices.rooms.length ? (['room'] as const) : []),
  ];
  const options = optionsFor(kind, choices);
  if (kinds.length <= 1 && options.length <= 1) return null;
  return (
    <fieldset className="search-form chooser">
      <legend className="visually-hidden">{t('timetable.choose.legend')}</legend>
      {kinds.length > 1 ? (
        <SelectInput
          label={t('timetable.choose.kind')}
          value={kind}
          onChange={(value) => {
            const next = value as Kind;
            onChange(next, next === 'own' ? (choices.own?.id ?? '') : (optionsFor(next, choices)[0]?.id ?? ''));
          }}
          options={kinds.map((k) => ({ id: k, label: t(`timetable.choose.${k === 'own' ? 'own' : k === 'child' ? 'child' : k}`) }))}
        />
      ) : null}
      {kind !== 'own' && options.length > 0 ? <SelectInput label={t('timetable.choose.which')} value={id} onChange={(value) => onChange(kind, value)} options={options} /> : null}
    </fieldset>
  );
}

export function TimetablePage() {
  const { t } = useTranslation();
  const { membership, can, child } = useSession();
  const errorMessage = useErrorMessage();
  const formatDate = useFormatDate();
  const establishmentId = membership?.establishment.id ?? null;
  const allowed = establishmentId !== null && can('timetable.read');
  const choices = useChoicesQuery(allowed ? establishmentId : null);
  const [picked, setPicked] = useState<{ kind: Kind; id: string } | null>(null);
  const [date, setDate] = useState(() => isoDate(new Date()));
  const [days, setDays] = useState<1 | 7>(7);

  const current = useMemo(() => {
    if (picked) return picked;
    if (!choices.data) return null;
    const kind = initialKind(choices.data);
    if (kind === 'own') return { kind, id: choices.data.own?.id ?? '' };
    if (kind === 'child') return { kind, id: choices.data.children.find((c) => c.id === child?.id)?.id ?? choices.data.children[0]?.id ?? '' };
    return { kind, id: choices.data.groups[0]?.id ?? '' };
  }, [picked, choices.data, child]);
  const target: TimetableTarget | null =
    current?.id && choices.data
      ? { view: current.kind === 'own' ? (choices.data.own?.view ?? 'student') : current.kind === 'child' ? 'student' : current.kind, id: current.id }
      : null;
  const timetable = useTimetableQuery(establishmentId, target, date, days);
  const step = days === 7 ? 7 : 1;

  return (
    <Page title={t('timetable.title')} intro={<p>{t('timetable.intro')}</p>}>
      {can('timetable.manage') ? (
        <p>
          <Link to="/emploi-du-temps/gestion">{t('timetable.manage.link')}</Link>
        </p>
      ) : null}
      {!allowed ? <Notice tone="info">{t('timetable.noAccess')}</Notice> : null}
      {choices.isPending && allowed ? <Loading /> : null}
      {choices.isError ? <Notice tone="error">{errorMessage(choices.error)}</Notice> : null}
      {choices.data && current ? <Chooser choices={choices.data} kind={current.kind} id={current.id} onChange={(kind, id) => setPicked({ kind, id })} /> : null}
      {allowed ? (
        <nav className="week-nav" aria-label={t('timetable.nav.mode')}>
          <button type="button" className="button button--quiet" onClick={() => setDate(shiftDate(date, -step))}>
            {days === 7 ? t('timetable.nav.previous') : t('timetable.nav.previousDay')}
          </button>
          <button type="button" className="button button--quiet" onClick={() => setDate(isoDate(new Date()))}>
            {t('timetable.nav.today')}
          </button>
          <button type="button" className="button button--quiet" onClick={() => setDate(shiftDate(date, step))}>
            {days === 7 ? t('timetable.nav.next') : t('timetable.nav.nextDay')}
          </button>
          <button type="button" className="button button--secondary" aria-pressed={days === 1} onClick={() => setDays(days === 7 ? 1 : 7)}>
            {days === 7 ? t('timetable.nav.day') : t('timetable.nav.week')}
          </button>
        </nav>
      ) : null}
      {timetable.isError ? <Notice tone="error">{errorMessage(timetable.error)}</Notice> : null}
      {timetable.data && establishmentId ? (
        <section aria-labelledby="period-title">
          <p id="period-title" className="week__title" aria-live="polite">
            <strong>{timetable.data.title}</strong> —{' '}
            {days === 7 ? t('timetable.week', { from: formatDate(timetable.data.from), to: formatDate(timetable.data.to) }) : t('timetable.day', { date: formatDate(timetable.data.from) })}
            {timetable.data.week ? ` (${t('timetable.weekType', { week: timetable.data.week })})` : ''}
          </p>
          <WeekView timetable={timetable.data} establishmentId={establishmentId} textbook={can('homework.read')} />
        </section>
      ) : null}
      {allowed ? <CalendarFeedPanel /> : null}
    </Page>
  );
}
