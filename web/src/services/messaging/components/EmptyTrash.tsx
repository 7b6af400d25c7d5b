import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/error-messages';
import { BusyButton } from '../../../lib/ui/BusyButton';
import { emptyTrash, useRefreshMailbox } from '../api';

/** "Vider la corbeille", confirmed in place; the outcome stays announced once the trash is empty. */
export function EmptyTrash({ establishmentId, hasMessages }: { establishmentId: string; hasMessages: boolean }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const refresh = useRefreshMailbox();
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState('');
  const empty = useMutation({
    mutationFn: () => emptyTrash(establishmentId),
    onSuccess: async ({ removed }) => {
      setConfirming(false);
      setStatus(t('messaging.trash.done', { count: removed }));
      await refresh();
    },
  });
  return (
    <div className="empty-trash">
      {confirming ? (
        <div className="empty-trash__confirm">
          <p>{t('messaging.trash.confirm')}</p>
          <BusyButton className="button button--danger" busy={empty.isPending} onPress={() => empty.mutate()} autoFocus>
            {t('messaging.trash.confirmButton')}
          </BusyButton>
          <Button className="button button--quiet" onPress={() => setConfirming(false)}>
            {t('messaging.trash.cancel')}
          </Button>
        </div>
      ) : hasMessages ? (
        <Button className="button button--secondary" onPress={() => setConfirming(true)}>
          {t('messaging.trash.empty')}
        </Button>
      ) : null}
      <p role="status">{status}</p>
      {empty.error ? <p className="field__error" role="alert">{errorMessage(empty.error)}</p> : null}
    </div>
  );
}
