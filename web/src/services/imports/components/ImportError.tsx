import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client';
import { useErrorMessage } from '../../../lib/error-messages';
import { Notice } from '../../../lib/ui/Notice';
import { useCodeLabel } from '../labels';

/**
 * The server sends a file's problem as details[] of `{ field: <file>, issue: "<reason>: <message>" }`,
 * its message in English: the reason is translated here, the message kept for what it names
 * (missing columns…).
 */
function FileIssue({ file, issue }: { file: string; issue: string }) {
  const { t } = useTranslation();
  const label = useCodeLabel();
  const match = /^([a-z_]+): (.*)$/s.exec(issue);
  // wrong_establishment read from the export's header: the issue is the UAI the file names.
  if (!match) return <li>{t('imports.fileIssues.otherUai', { uai: issue })}</li>;
  const [, reason, message] = match;
  const translated = label('imports.fileIssues', reason);
  return (
    <li>
      <strong>{file}</strong> : {translated === reason ? null : translated}
      <span className="report-list__detail">
        {t('imports.fileIssues.serverSaid')} <span lang="en">{message}</span>
      </span>
    </li>
  );
}

/** Fastify's multipart limit surfaces as a 400 "validation.failed" rather than a 413. */
function isTooLarge(error: unknown): boolean {
  return isApiError(error) && (error.status === 413 || error.details.some((d) => /FILE_TOO_LARGE/.test(d.issue)));
}

export function ImportError({ error, title }: { error: unknown; title: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const files = isApiError(error) && error.code.startsWith('imports.') ? error.details.filter((d) => d.field !== 'querystring.source') : [];
  return (
    <Notice tone="error" title={title}>
      <p>{isTooLarge(error) ? t('imports.upload.tooLarge') : errorMessage(error)}</p>
      {files.length ? (
        <ul className="report-list">
          {files.map((detail) => (
            <FileIssue key={`${detail.field}-${detail.issue}`} file={detail.field} issue={detail.issue} />
          ))}
        </ul>
      ) : null}
    </Notice>
  );
}
