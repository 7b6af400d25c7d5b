import type { SessionInfo } from '@preau/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/error-messages';
import { useFormatDateTime } from '../../../lib/format';
import { Notice } from '../../../lib/ui/Notice';
import { Loading } from '../../../lib/ui/Page';
import { leaveAfterLogout } from '../../auth/queries';
import { fetchSessions, revokeAllSessions, revokeSession } from '../api';
import { describeUserAgent } from '../user-agent';
import { BusyButton } from '../../../lib/ui/BusyButton';

export const sessionsQueryKey = ['account', 'sessions'] as const;

function SessionItem({ session, onRevoke, pending }: { session: SessionInfo; onRevoke: () => void; pending: boolean }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const device = describeUserAgent(session.userAgent) ?? t('account.sessions.unknownDevice');
  return (
    <li className={`session ${session.current ? 'session--current' : ''}`} data-session-current={session.current}>
      <div className="session__info">
        <p className="session__device">
          {device}
          {session.current ? <span className="badge">{t('account.sessions.current')}</span> : null}
        </p>
        <p className="muted">{t('account.sessions.openedAt', { date: formatDateTime(session.createdAt) })}</p>
        <p className="muted">{t('account.sessions.lastSeenAt', { date: formatDateTime(session.lastSeenAt) })}</p>
        {session.ip ? <p className="muted">{t('account.sessions.ip', { ip: session.ip })}</p> : null}
      </div>
      {session.current ? null : (
        <BusyButton
          className="button button--secondary"
          onPress={onRevoke}
          busy={pending}
          aria-label={t('account.sessions.revokeLabel', { device, date: formatDateTime(session.createdAt) })}
        >
          {t('account.sessions.revoke')}
        </BusyButton>
      )}
    </li>
  );
}

function RevokeAllButton() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const mutation = useMutation({
    mutationFn: revokeAllSessions,
    // This session is gone too.
    onSuccess: leaveAfterLogout,
  });
  return (
    <DialogTrigger>
      <Button className="button button--danger">{t('account.sessions.revokeAll')}</Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog className="dialog">
            {({ close }) => (
              <>
                <Heading slot="title" className="dialog__title">
                  {t('account.sessions.revokeAllTitle')}
                </Heading>
                <p>{t('account.sessions.revokeAllBody')}</p>
                {mutation.error ? <Notice tone="error">{errorMessage(mutation.error)}</Notice> : null}
                <div className="dialog__actions">
                  <Button className="button button--secondary" onPress={close}>
                    {t('common.cancel')}
                  </Button>
                  <BusyButton
                    className="button button--danger"
                    onPress={() => mutation.mutate()}
                    busy={mutation.isPending}
                    autoFocus
                  >
                    {t('account.sessions.revokeAllConfirm')}
                  </BusyButton>
                </div>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

export function SessionsList() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const sessions = useQuery({ queryKey: sessionsQueryKey, queryFn: fetchSessions });
  const revoke = useMutation({
    mutationFn: revokeSession,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsQueryKey }),
  });
  return (
    <section aria-labelledby="sessions-title" className="card">
      <h2 id="sessions-title">{t('account.sessions.title')}</h2>
      <p>{t('account.sessions.intro')}</p>
      {revoke.isSuccess ? <Notice tone="success">{t('account.sessions.revoked')}</Notice> : null}
      {revoke.error ? <Notice tone="error">{errorMessage(revoke.error)}</Notice> : null}
      {sessions.isPending ? <Loading /> : null}
      {sessions.error ? <Notice tone="error">{errorMessage(sessions.error)}</Notice> : null}
      {sessions.data ? (
        sessions.data.length === 0 ? (
          <p>{t('account.sessions.empty')}</p>
        ) : (
          <ul className="sessions">
            {sessions.data.map((session) => (
              <SessionItem
                key={session.id}
                session={session}
                pending={revoke.isPending && revoke.variables === session.id}
                onRevoke={() => revoke.mutate(session.id)}
              />
            ))}
          </ul>
        )
      ) : null}
      <RevokeAllButton />
    </section>
  );
}
