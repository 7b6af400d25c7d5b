import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-client';
import { type ImportRunDetail, isActive } from '../api';
import { ImportError } from './ImportError';
import { ImportReport } from './ImportReport';
import { RunProgress } from './RunProgress';

/** A failed background run carries the same code and details a refused upload would have answered. */
function failure(run: ImportRunDetail): ApiError {
  const error = run.error ?? { code: 'internal', details: [] };
  return new ApiError({ status: 0, code: error.code, message: '', details: error.details.map((d) => ({ ...d, message: '' })) });
}

/** The run being looked at, whatever its stage: in progress, failed, or its report. */
export function RunView({ run, actions }: { run: ImportRunDetail; actions?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      {/* Always present while a run is shown, so each step is announced politely. */}
      <div role="status">{isActive(run) ? <RunProgress run={run} /> : null}</div>
      {run.status === 'failed' ? <ImportError error={failure(run)} title={t('imports.progress.failed')} /> : null}
      {!isActive(run) && run.status !== 'failed' ? <ImportReport run={run} actions={actions} /> : null}
    </>
  );
}
