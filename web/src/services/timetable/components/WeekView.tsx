import type { Lesson, Timetable } from '@preau/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatDate } from '../../../lib/format';
import { shiftDate } from '../api';
import { ExceptionForm } from './ExceptionForm';

function daysOf(timetable: Timetable): string[] {
  const days: string[] = [];
  for (let d = timetable.from; d <= timetable.to; d = shiftDate(d, 1)) days.push(d);
  return days;
}

function LessonItem({ lesson, establishmentId, canManage, textbook }: { lesson: Lesson; establishmentId: string; canManage: boolean; textbook: boolean }) {
  const { t } = useTranslation();
  return (
    <li className={`lesson${lesson.cancelled ? ' lesson--cancelled' : ''}`} data-lesson={`${lesson.date} ${lesson.start}`}>
      <p className="lesson__time">
        {lesson.start} – {lesson.end}
      </p>
      <div className="lesson__body">
        <p className="lesson__title">
          {lesson.cancelled ? <span className="badge badge--cancelled">{t('timetable.lesson.cancelled')}</span> : null}
          <span className={lesson.cancelled ? 'lesson__struck' : undefined}>
            {lesson.subject.name} · {lesson.group.name}
          </span>
        </p>
        <p className="lesson__meta">
          {lesson.teacher ? <span>{t('timetable.lesson.with', { name: lesson.teacher.displayName })}</span> : null}
          {lesson.room ? <span>{t('timetable.lesson.room', { room: lesson.room.code })}</span> : null}
          {lesson.weeks !== 'all' ? <span>{t('timetable.lesson.weeks', { week: lesson.weeks })}</span> : null}
        </p>
        {lesson.usualTeacher && lesson.teacher ? (
          <p className="lesson__change">{t('timetable.lesson.replaced', { name: lesson.teacher.displayName, usual: lesson.usualTeacher.displayName })}</p>
        ) : null}
        {lesson.usualRoom && lesson.room ? <p className="lesson__change">{t('timetable.lesson.moved', { room: lesson.room.code, usual: lesson.usualRoom.code })}</p> : null}
        {lesson.note ? <p className="lesson__note">{lesson.note}</p> : null}
        {textbook ? (
          <p className="lesson__link">
            <Link to={`/cahier-de-textes?groupId=${encodeURIComponent(lesson.group.id)}&subjectId=${encodeURIComponent(lesson.subject.id)}`}>
              {t('homework.textbook.openTextbook')}
              <span className="visually-hidden">
                {' '}
                {lesson.subject.name} {lesson.group.name}
              </span>
            </Link>
          </p>
        ) : null}
        {canManage ? <ExceptionForm lesson={lesson} establishmentId={establishmentId} /> : null}
      </div>
    </li>
  );
}

/** One heading per day and a list of its lessons: readable by screen readers and on a phone alike. */
export function WeekView({ timetable, establishmentId, textbook }: { timetable: Timetable; establishmentId: string; textbook: boolean }) {
  const { t, i18n } = useTranslation();
  const formatDate = useFormatDate();
  const weekday = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'fr-FR', { weekday: 'long', timeZone: 'UTC' });
  const days = daysOf(timetable).filter((d) => {
    const day = new Date(`${d}T00:00:00Z`).getUTCDay();
    return (day !== 0 && day !== 6) || timetable.lessons.some((l) => l.date === d);
  });
  return (
    <div className="week">
      {timetable.holidays.length > 0 ? (
        <ul className="plain-list week__holidays">
          {timetable.holidays.map((h) => (
            <li key={h.id} className="notice">
              {t('timetable.holiday', { name: h.name, from: formatDate(h.from), to: formatDate(h.to) })}
            </li>
          ))}
        </ul>
      ) : null}
      {days.map((day) => {
        const lessons = timetable.lessons.filter((l) => l.date === day);
        return (
          <section key={day} className="week__day" aria-labelledby={`day-${day}`}>
            <h2 id={`day-${day}`} className="week__day-title">
              {weekday.format(new Date(`${day}T00:00:00Z`))} {formatDate(day)}
            </h2>
            {lessons.length === 0 ? (
              <p className="muted">{t('timetable.noLesson')}</p>
            ) : (
              <ul className="lessons">
                {lessons.map((lesson) => (
                  <LessonItem key={`${lesson.slotId}-${lesson.date}`} lesson={lesson} establishmentId={establishmentId} canManage={timetable.canManage} textbook={textbook} />
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
