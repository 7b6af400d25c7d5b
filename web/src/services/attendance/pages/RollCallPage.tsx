import type { RegisterLesson } from '@preau/contracts';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { useSearchParams } from 'react-router';
import { useSession } from '../../../app/session';
import { useErrorMessage } from '../../../lib/error-messages';
import { useFormatDate } from '../../../lib/format';
import { Notice } from '../../../lib/ui/Notice';
import { Loading, Page } from '../../../lib/ui/Page';
import { useLessons, useOpenRegister, useRegister } from '../api';
import { isIsoDate, parisToday, shiftDate } from '../components/dates';
import { RegisterSheet } from '../components/RegisterSheet';
import '../attendance.css';

/**
 * "Faire l'appel": the teacher's lessons of a day (today first), then the register of the chosen
 * lesson. The day, the lesson and the register live in the address, so the back button and a
 * link from vie scolaire's page (`?date=…&cours=…`) both work.
 */
export function RollCallPage() {
  const { t } = useTranslation();
  const { membership, can } = useSession();
  const errorMessage = useErrorMessage();
  const formatDate = useFormatDate();
  const [params, setParams] = useSearchParams();
  const establishmentId = membership?.establishment.id ?? null;
  const allowed = establishmentId !== null && can('attendance.registers');
  const today = parisToday();
  const asked = params.get('date') ?? '';
  const date = isIsoDate(asked) ? asked : today;
  const registerId = params.get('registre');
  const lessons = useLessons(allowed ? establishmentId : null, date);
  const open = useOpenRegister(establishmentId ?? '');
  const register = useRegister(establishmentId ?? '', allowed ? registerId : null);

  const go = (next: Record<string, string | null>) => {
    const merged = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value === null) merged.delete(key);
      else merged.set(key, value);
    }
    setParams(merged);
  };
  const openLesson = (lesson: Pick<RegisterLesson, 'slotId' | 'date'>) =>
    open.mutate({ slotId: lesson.slotId, date: lesson.date }, { onSuccess: (opened) => go({ registre: opened.id, cours: null, date: lesson.date }) });

  // A link naming a lesson opens its register once.
  const lessonParam = params.get('cours');
  const opened = useRef<string | null>(null);
  useEffect(() => {
    if (!allowed || !lessonParam || opened.current === lessonParam) return;
    opened.current = lessonParam;
    openLesson({ slotId: lessonParam, date });
  });

  if (!allowed) {
    return (
      <Page title={t('attendance.rollCall.title')}>
        <Notice tone="info">{t('attendance.rollCall.noAccess')}</Notice>
      </Page>
    );
  }
  if (registerId) {
    return (
      <Page title={t('attendance.rollCall.title')}>
        {register.isPending ? <Loading /> : null}
        {register.isError ? <Notice tone="error">{errorMessage(register.error)}</Notice> : null}
        {register.data && establishmentId ? <RegisterSheet establishmentId={establishmentId} register={register.data} onBack={() => go({ registre: null })} /> : null}
      </Page>
    );
  }
  return (
    <Page title={t('attendance.rollCall.title')} intro={<p>{t('attendance.rollCall.intro')}</p>}>
      <nav className="roll-days" aria-label={t('attendance.rollCall.day', { date: formatDate(date) })}>
        <Button className="button" onPress={() => go({ date: shiftDate(date, -1) })}>
          ← {t('attendance.rollCall.previousDay')}
        </Button>
        {date !== today ? (
          <Button className="button" onPress={() => go({ date: null })}>
            {t('attendance.rollCall.today')}
          </Button>
        ) : null}
        <Button className="button" onPress={() => go({ date: shiftDate(date, 1) })}>
          {t('attendance.rollCall.nextDay')} →
        </Button>
      </nav>
      <h2>{t('attendance.rollCall.day', { date: formatDate(date) })}</h2>
      {lessons.isPending ? <Loading /> : null}
      {lessons.isError ? <Notice tone="error">{errorMessage(lessons.error)}</Notice> : null}
      {open.isError ? <Notice tone="error">{errorMessage(open.error)}</Notice> : null}
      {lessons.data && lessons.data.lessons.length === 0 ? <p>{t('attendance.rollCall.noLesson')}</p> : null}
      <ul className="roll-lessons">
        {lessons.data?.lessons.map((lesson) => {
          const action = t(`attendance.rollCall.open.${lesson.state}`);
          return (
            <li key={`${lesson.slotId}-${lesson.date}`} className={`roll-lesson roll-lesson--${lesson.state}`}>
              <p className="roll-lesson__time">
                {lesson.start}–{lesson.end}
              </p>
              <p className="roll-lesson__what">
                <strong>{lesson.group.name}</strong> · {lesson.subject.name}
                {lesson.room ? ` · ${t('attendance.rollCall.room', { room: lesson.room })}` : ''}
              </p>
              {lesson.cancelled ? (
                <p className="roll-badge roll-badge--info">{t('attendance.rollCall.cancelled')}</p>
              ) : (
                <>
                  <span className={`roll-badge roll-badge--${lesson.state}`}>{t(`attendance.rollCall.state.${lesson.state}`)}</span>
                  <Button
                    className={`button roll-lesson__open${lesson.state === 'done' ? '' : ' button--primary'}`}
                    aria-label={t('attendance.rollCall.openLabel', { action, group: lesson.group.name, subject: lesson.subject.name, start: lesson.start })}
                    onPress={() => openLesson(lesson)}
                  >
                    {action}
                  </Button>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </Page>
  );
}
