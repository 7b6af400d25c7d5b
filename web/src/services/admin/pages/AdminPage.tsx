import type { ActivationReset, DirectoryPerson, PersonState } from '@preau/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session';
import { useErrorMessage } from '../../../lib/error-messages';
import { Notice } from '../../../lib/ui/Notice';
import { Page } from '../../../lib/ui/Page';
import { type PeopleFilter, PeopleResults, PeopleSearchForm, usePeopleQuery } from '../../directory';
import { type AccountChange, changeAccountState, resetActivation } from '../api';
import { AccountActions } from '../components/AccountActions';
import { ActivationLetters } from '../components/ActivationLetters';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ResetResult } from '../components/ResetResult';

type Confirming = { person: DirectoryPerson; action: 'reset' | 'suspend' };

export function AdminPage() {
  const { t } = useTranslation();
  const { me, membership, can } = useSession();
  const errorMessage = useErrorMessage();
  const [filter, setFilter] = useState<PeopleFilter>({ q: '', profile: null });
  const [confirming, setConfirming] = useState<Confirming | null>(null);
  const [result, setResult] = useState<{ name: string; reset: ActivationReset } | null>(null);
  // States learnt from suspend/reactivate answers, by person id (the directory does not carry them).
  const [states, setStates] = useState<Record<string, PersonState>>({});
  const [announcement, setAnnouncement] = useState('');
  const establishmentId = membership?.establishment.id ?? null;
  const allowed = establishmentId !== null && can('admin.accounts.manage');
  const people = usePeopleQuery(establishmentId, filter, allowed);

  const reset = useMutation({
    mutationFn: (person: DirectoryPerson) => resetActivation(establishmentId as string, person.id),
    onSuccess: (data, person) => {
      setConfirming(null);
      setResult({ name: person.displayName, reset: data });
      setStates((current) => ({ ...current, [person.id]: 'awaiting_activation' }));
    },
  });

  const change = useMutation({
    mutationFn: ({ person, change }: { person: DirectoryPerson; change: AccountChange }) =>
      changeAccountState(establishmentId as string, person.id, change),
    onSuccess: ({ state }, { person }) => {
      setConfirming(null);
      setStates((current) => ({ ...current, [person.id]: state }));
      setAnnouncement(t('admin.stateOf', { name: person.displayName, state: t(`admin.states.${state}`) }));
    },
  });

  const open = (person: DirectoryPerson, action: Confirming['action']) => {
    reset.reset();
    change.reset();
    setConfirming({ person, action });
  };
  const reactivate = (person: DirectoryPerson) => {
    setAnnouncement('');
    change.mutate({ person, change: 'reactivate' });
  };

  const dialogError = confirming?.action === 'reset' ? reset.error : confirming ? change.error : null;
  // A failed reactivation has no dialog to show its error in: it goes above the list.
  const pageError = !confirming && change.variables?.change === 'reactivate' ? change.error : null;
  const name = confirming?.person.displayName ?? '';

  return (
    <Page
      title={t('admin.title')}
      intro={membership && allowed ? <p>{t('admin.intro', { establishment: membership.establishment.name })}</p> : null}
    >
      {!allowed || !establishmentId ? (
        <Notice tone="info">{t('admin.noAccess')}</Notice>
      ) : (
        <>
          {result ? <ResetResult name={result.name} reset={result.reset} /> : null}
          <PeopleSearchForm initial={filter} onSearch={setFilter} />
          <p role="status" className="account-status">
            {announcement}
          </p>
          {pageError ? <Notice tone="error">{errorMessage(pageError)}</Notice> : null}
          <PeopleResults
            query={people}
            actions={(person) =>
              person.id === me.id ? null : (
                <AccountActions
                  person={person}
                  state={states[person.id]}
                  reactivating={change.isPending && change.variables?.person.id === person.id}
                  onReset={() => open(person, 'reset')}
                  onSuspend={() => open(person, 'suspend')}
                  onReactivate={() => reactivate(person)}
                />
              )
            }
          />
          <ActivationLetters establishmentId={establishmentId} />
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
              setAnnouncement('');
              if (confirming.action === 'reset') reset.mutate(confirming.person);
              else change.mutate({ person: confirming.person, change: 'suspend' });
            }}
          />
        </>
      )}
    </Page>
  );
}
