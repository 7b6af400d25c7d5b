import type { ActivationReset } from '@preau/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/error-messages';
import { Notice } from '../../../lib/ui/Notice';
import { type AccountChange, changeAccountState, resetActivation } from '../api';
import { ConfirmDialog } from './ConfirmDialog';
import { ResetResult } from './ResetResult';

type Target = { id: string; displayName: string };
type Confirming = { person: Target; action: 'reset' | 'suspend' };

/**
 * Reset, suspend (both confirmed in a dialog) and reactivate, for the accounts list and a person's
 * page; after each change the admin queries are refetched so the shown state is the server's.
 */
export function useAccountControls(establishmentId: string) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  const [result, setResult] = useState<{ name: string; reset: ActivationReset } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['admin'] });

  const reset = useMutation({
    mutationFn: (person: Target) => resetActivation(establishmentId, person.id),
    onSuccess: (data, person) => {
      setConfirming(null);
      setResult({ name: person.displayName, reset: data });
      return refresh();
    },
  });
  const change = useMutation({
    mutationFn: ({ person, change }: { person: Target; change: AccountChange }) => changeAccountState(establishmentId, person.id, change),
    onSuccess: ({ state }, { person }) => {
      setConfirming(null);
      setAnnouncement(t('admin.stateOf', { name: person.displayName, state: t(`admin.states.${state}`) }));
      return refresh();
    },
  });

  const open = (person: Target, action: Confirming['action']) => {
    reset.reset();
    change.reset();
    setAnnouncement('');
    setConfirming({ person, action });
  };
  const reactivate = (person: Target) => {
    setAnnouncement('');
    change.mutate({ person, change: 'reactivate' });
  };
  const dialogError = confirming?.action === 'reset' ? reset.error : confirming ? change.error : null;
  // A failed reactivation has no dialog to show its error in: it goes above the list.
  const pageError = !confirming && change.variables?.change === 'reactivate' ? change.error : null;
  const name = confirming?.person.displayName ?? '';

  const before = (
    <>
      {result ? <ResetResult name={result.name} reset={result.reset} /> : null}
      <p role="status" className="account-status">
        {announcement}
      </p>
      {pageError ? <Notice tone="error">{errorMessage(pageError)}</Notice> : null}
    </>
  );
  const dialog = (
    <ConfirmDialog
      isOpen={confirming !== null}
      title={confirming?.action === 'suspend' ? t('admin.suspendTitle', { name }) : t('admin.confirmTitle', { name })}
      body={confirming?.action === 'suspend' ? t('admin.suspendBody') : t('admin.confirmBody')}
      confirmLabel={confirming?.action === 'suspend' ? t('admin.suspendConfirm') : t('admin.confirm')}
      busy={reset.isPending || change.isPending}
      error={dialogError ? errorMessage(dialogError) : null}
      onClose={() => setConfirming(null)}
      onConfirm={() => {
        if (!confirming) return;
        if (confirming.action === 'reset') reset.mutate(confirming.person);
        else change.mutate({ person: confirming.person, change: 'suspend' });
      }}
    />
  );
  return {
    open,
    reactivate,
    reactivating: (personId: string) => change.isPending && change.variables?.person.id === personId,
    before,
    dialog,
  };
}
