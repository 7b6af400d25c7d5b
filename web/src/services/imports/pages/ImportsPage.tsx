import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session';
import { useErrorMessage } from '../../../lib/error-messages';
import { BusyButton } from '../../../lib/ui/BusyButton';
import { Notice } from '../../../lib/ui/Notice';
import { Loading, Page } from '../../../lib/ui/Page';
import { applyImport, type ImportRunDetail, runQueryKey, runsQueryKey, useRunQuery } from '../api';
import { ImportError } from '../components/ImportError';
import { OneRosterExport } from '../components/OneRosterExport';
import { RunHistory } from '../components/RunHistory';
import { RunView } from '../components/RunView';
import { UploadForm } from '../components/UploadForm';

/** Upload → dry-run report → apply → applied report; the history below reopens any past report. */
function Imports({ establishmentId }: { establishmentId: string }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [runId, setRunId] = useState<string | null>(null);
  const run = useRunQuery(establishmentId, runId);
  const status = run.data?.status;

  // The history follows the run shown through its stages (queued → planned, confirmed, applied…).
  // biome-ignore lint/correctness/useExhaustiveDependencies: reacts to the status only
  useEffect(() => {
    if (status) void queryClient.invalidateQueries({ queryKey: runsQueryKey(establishmentId) });
  }, [status]);

  // A run received in full (upload, apply) is cached as if it had been fetched, then shown.
  const show = (detail: ImportRunDetail) => {
    queryClient.setQueryData(runQueryKey(establishmentId, detail.id), detail);
    setRunId(detail.id);
  };

  const apply = useMutation({
    mutationFn: (dryRunId: string) => applyImport(establishmentId, dryRunId),
    onSuccess: show,
    // Applied now or already (409): the dry run's status changed either way.
    onSettled: (_data, _error, dryRunId) => queryClient.invalidateQueries({ queryKey: runQueryKey(establishmentId, dryRunId) }),
  });

  const open = (id: string) => {
    apply.reset();
    setRunId(id);
  };

  const current = run.data;
  return (
    <>
      <UploadForm
        establishmentId={establishmentId}
        onUploaded={(detail) => {
          apply.reset();
          show(detail);
        }}
      />
      {runId && run.isPending ? <Loading /> : null}
      {run.error ? <Notice tone="error">{errorMessage(run.error)}</Notice> : null}
      {/* Outside the report: after a 409 the reloaded run is no longer "planned" and loses its button. */}
      {apply.error ? <ImportError error={apply.error} title={t('imports.report.applyFailed')} /> : null}
      {current ? (
        <RunView
          run={current}
          actions={
            current.status === 'planned' ? (
              <div className="report__actions">
                <BusyButton className="button button--primary" busy={apply.isPending} onPress={() => apply.mutate(current.id)}>
                  {apply.isPending ? t('imports.report.applying') : t('imports.report.apply')}
                </BusyButton>
              </div>
            ) : null
          }
        />
      ) : null}
      <RunHistory establishmentId={establishmentId} onOpen={open} />
      {can('admin.exports.manage') ? <OneRosterExport establishmentId={establishmentId} /> : null}
    </>
  );
}

export function ImportsPage() {
  const { t } = useTranslation();
  const { membership, can } = useSession();
  const establishmentId = membership?.establishment.id ?? null;
  const allowed = establishmentId !== null && can('admin.imports.manage');
  return (
    <Page
      title={t('imports.title')}
      intro={membership && allowed ? <p>{t('imports.intro', { establishment: membership.establishment.name })}</p> : null}
    >
      {allowed && establishmentId ? (
        <Imports key={establishmentId} establishmentId={establishmentId} />
      ) : (
        <Notice tone="info">{t('imports.noAccess')}</Notice>
      )}
    </Page>
  );
}
