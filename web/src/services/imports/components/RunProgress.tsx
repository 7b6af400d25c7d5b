import { useTranslation } from 'react-i18next';
import type { ImportRunDetail } from '../api';

/** A run waiting for or inside its background job: what it is doing and, when known, how far it got. */
export function RunProgress({ run }: { run: ImportRunDetail }) {
  const { t } = useTranslation();
  const progress = run.progress && run.progress.total > 0 ? run.progress : null;
  const label = run.status === 'queued' ? t('imports.progress.queued') : t(`imports.progress.${run.dryRun ? 'planning' : 'applying'}`);
  return (
    <div className="card run-progress" data-run-id={run.id} data-status={run.status}>
      {progress ? (
        <progress className="upload__bar" value={progress.done} max={progress.total} aria-label={label} />
      ) : (
        <progress className="upload__bar" aria-label={label} />
      )}
      <span>
        {label}
        {progress ? ` ${t('imports.progress.steps', { done: progress.done, total: progress.total })}` : null}
      </span>
    </div>
  );
}
