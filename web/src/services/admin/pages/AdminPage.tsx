import type { ActivationReset, DirectoryPerson } from '@preau/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session';
import { useErrorMessage } from '../../../lib/error-messages';
import { Notice } from '../../../lib/ui/Notice';
import { Page } from '../../../lib/ui/Page';
import { type PeopleFilter, PeopleResults, PeopleSearchForm, usePeopleQuery } from '../../directory';
import { resetActivation } from '../api';
import { ResetResult } from '../components/ResetResult';
import { BusyButton } from '../../../lib/ui/BusyButton';

export function AdminPage() {
  const { t } = useTranslation();
  const { me, membership, can } = useSession();
  const errorMessage = useErrorMessage();
  const [filter, setFilter] = useState<PeopleFilter>({ q: '', profile: null });
  const [target, setTarget] = useState<DirectoryPerson | null>(null);
  const [result, setResult] = useState<{ name: string; reset: ActivationReset } | null>(null);
  const establishmentId = membership?.establishment.id ?? null;
  const allowed = establishmentId !== null && can('admin.accounts.manage');
  const people = usePeopleQuery(establishmentId, filter, allowed);

  const reset = useMutation({
    mutationFn: (person: DirectoryPerson) => resetActivation(establishmentId as string, person.id),
    onSuccess: (data, person) => {
      setTarget(null);
      setResult({ name: person.displayName, reset: data });
    },
  });

  const openConfirm = (person: DirectoryPerson) => {
    reset.reset();
    setTarget(person);
  };

  return (
    <Page
      title={t('admin.title')}
      intro={membership && allowed ? <p>{t('admin.intro', { establishment: membership.establishment.name })}</p> : null}
    >
      {!allowed ? (
        <Notice tone="info">{t('admin.noAccess')}</Notice>
      ) : (
        <>
          {result ? <ResetResult name={result.name} reset={result.reset} /> : null}
          <PeopleSearchForm initial={filter} onSearch={setFilter} />
          <PeopleResults
            query={people}
            actions={(person) =>
              person.id === me.id ? null : (
                <Button
                  className="button button--secondary"
                  onPress={() => openConfirm(person)}
                  aria-label={t('admin.resetLabel', { name: person.displayName })}
                >
                  {t('admin.reset')}
                </Button>
              )
            }
          />
          <ModalOverlay
            className="modal-overlay"
            isDismissable
            isOpen={target !== null}
            onOpenChange={(open) => {
              if (!open) setTarget(null);
            }}
          >
            <Modal className="modal">
              <Dialog className="dialog">
                <Heading slot="title" className="dialog__title">
                  {t('admin.confirmTitle', { name: target?.displayName ?? '' })}
                </Heading>
                <p>{t('admin.confirmBody')}</p>
                {reset.error ? <Notice tone="error">{errorMessage(reset.error)}</Notice> : null}
                <div className="dialog__actions">
                  <Button className="button button--secondary" onPress={() => setTarget(null)}>
                    {t('common.cancel')}
                  </Button>
                  <BusyButton
                    className="button button--danger"
                    onPress={() => target && reset.mutate(target)}
                    busy={reset.isPending}
                    autoFocus
                  >
                    {t('admin.confirm')}
                  </BusyButton>
                </div>
              </Dialog>
            </Modal>
          </ModalOverlay>
        </>
      )}
    </Page>
  );
}
