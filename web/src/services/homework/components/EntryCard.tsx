import type { Entry } from '@preau/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatDate, useFormatDateTime } from '../../../lib/format';
import { useErrorMessage } from '../../../lib/error-messages';
import { Notice } from '../../../lib/ui/Notice';
import { fileUrl, useUploadFile } from '../api';

/**
 * One session. Its HTML was sanitised by the server before it was stored (sanitize-html: no
 * scripts, styles, handlers or foreign images), which is why it may be rendered as such.
 */
export function EntryCard({ entry, establishmentId, onEdit, onDelete }: { entry: Entry; establishmentId: string; onEdit?: () => void; onDelete?: () => void }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const formatDateTime = useFormatDateTime();
  const errorMessage = useErrorMessage();
  const upload = useUploadFile(establishmentId);
  return (
    <article className="entry card" aria-labelledby={`entry-${entry.id}`} data-entry={entry.title}>
      <header className="entry__header">
        <h3 id={`entry-${entry.id}`} className="entry__title">
          {formatDate(entry.date)}
          {entry.start ? ` · ${entry.start}` : ''} — {entry.subject.name} : {entry.title}
        </h3>
        <p className="muted entry__by">
          {entry.author ? t('homework.textbook.by', { name: entry.author.displayName }) : null}
          {entry.visaed ? <span className="badge badge--active">{t('homework.textbook.visaed')}</span> : null}
          {!entry.published ? <span className="badge">{t('homework.textbook.unpublished', { date: formatDateTime(entry.publishAt) })}</span> : null}
        </p>
      </header>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on the server (rich-text.ts) */}
      {entry.contentHtml ? <div className="rich-text" dangerouslySetInnerHTML={{ __html: entry.contentHtml }} /> : null}
      {entry.attachments.length > 0 ? (
        <>
          <h4 className="entry__subtitle">{t('homework.textbook.attachments')}</h4>
          <ul className="entry__attachments">
            {entry.attachments.map((a) => (
              <li key={a.id}>
                <a href={a.kind === 'link' ? (a.url ?? '#') : fileUrl(establishmentId, a.id)} {...(a.kind === 'link' ? { target: '_blank', rel: 'noopener noreferrer' } : { download: a.name })}>
                  {a.name}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {entry.homework.length > 0 ? (
        <>
          <h4 className="entry__subtitle">{t('homework.textbook.homework')}</h4>
          <ul className="entry__homework">
            {entry.homework.map((h) => (
              <li key={h.id} className="homework-item">
                <p className="homework-item__head">
                  <strong>{t('homework.textbook.dueOn', { date: formatDate(h.dueOn) })}</strong> · {t(`homework.textbook.kinds.${h.kind}`)}
                  {h.estimatedMinutes ? ` · ${t('homework.textbook.minutes', { count: h.estimatedMinutes })}` : ''}
                  {h.handIn !== 'none' ? ` · ${t(`homework.textbook.handIn.${h.handIn}`)}` : ''}
                </p>
                {/* biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on the server */}
                <div className="rich-text" dangerouslySetInnerHTML={{ __html: h.instructionsHtml }} />
                {h.students ? <p className="muted">{t('homework.textbook.forStudents', { names: h.students.map((s) => s.displayName).join(', ') })}</p> : null}
                {h.handIn === 'online' && entry.canEdit ? (
                  <p>
                    <Link to={`/devoirs/${encodeURIComponent(h.id)}/rendu`}>{t('homework.handin.openClass')}</Link>
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {entry.canEdit ? (
        <div className="field entry__upload">
          <label className="field__label" htmlFor={`file-${entry.id}`}>
            {t('homework.entry.attach', { date: formatDate(entry.date) })}
          </label>
          <input
            id={`file-${entry.id}`}
            type="file"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) upload.mutate({ entryId: entry.id, file });
              e.currentTarget.value = '';
            }}
          />
          {upload.isError ? <Notice tone="error">{errorMessage(upload.error)}</Notice> : null}
          {upload.isSuccess ? <Notice tone="success">{t('homework.entry.attached')}</Notice> : null}
        </div>
      ) : null}
      {onEdit || onDelete ? (
        <div className="form-actions">
          {onEdit ? (
            <button type="button" className="button button--secondary" onClick={onEdit}>
              {t('homework.textbook.edit', { date: formatDate(entry.date) })}
            </button>
          ) : null}
          {onDelete ? (
            <button type="button" className="button button--quiet" onClick={onDelete}>
              {t('homework.textbook.remove', { date: formatDate(entry.date) })}
            </button>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}
