import type { CommunicationRules } from '@preau/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session';
import { useErrorMessage } from '../../../lib/error-messages';
import { useFormatDateTime } from '../../../lib/format';
import { Notice } from '../../../lib/ui/Notice';
import { Loading, Page } from '../../../lib/ui/Page';
import { resetRules, saveRules, useRules } from '../api';
import { RulesForm } from '../components/RulesForm';
import { RulesPreview } from '../components/RulesPreview';
import '../communication.css';

/** /admin/communication: the establishment's rules (who may write to whom) and their preview. */
export function CommunicationRulesPage() {
  const { t } = useTranslation();
  const { membership, can } = useSession();
  const errorMessage = useErrorMessage();
  const formatDateTime = useFormatDateTime();
  const client = useQueryClient();
  const establishmentId = membership && can('communication.rules.manage') ? membership.establishment.id : null;
  const rules = useRules(establishmentId);
  const [status, setStatus] = useState('');
  const change = useMutation({
    mutationFn: (next: CommunicationRules | null) => (next ? saveRules(establishmentId as string, next) : resetRules(establishmentId as string)),
    onSuccess: (view, next) => {
      client.setQueryData(['communication', 'rules', establishmentId], view);
      setStatus(next ? t('communication.saved') : t('communication.resetDone'));
    },
  });

  if (!establishmentId || !membership) return <Page title={t('communication.title')}><Notice tone="info">{t('communication.noAccess')}</Notice></Page>;
  return (
    <Page title={t('communication.title')} intro={<p>{t('communication.intro', { establishment: membership.establishment.name })}</p>}>
      {rules.isPending ? <Loading /> : null}
      {rules.isError ? <Notice tone="error">{errorMessage(rules.error)}</Notice> : null}
      {rules.data ? (
        <>
          <p className="muted">{rules.data.customised && rules.data.updatedAt ? t('communication.customised', { date: formatDateTime(rules.data.updatedAt) }) : t('communication.defaults')}</p>
          <p role="status">{status}</p>
          {change.error ? <Notice tone="error">{errorMessage(change.error)}</Notice> : null}
          <RulesForm
            key={rules.data.updatedAt ?? 'defaults'}
            rules={rules.data.rules}
            busy={change.isPending}
            canReset={rules.data.customised}
            onSave={(next) => {
              setStatus('');
              change.mutate(next);
            }}
            onReset={() => {
              setStatus('');
              change.mutate(null);
            }}
          />
          <RulesPreview establishmentId={establishmentId} version={rules.data.updatedAt ?? 'defaults'} />
        </>
      ) : null}
    </Page>
  );
}
