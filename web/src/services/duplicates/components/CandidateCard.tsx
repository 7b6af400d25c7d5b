import type { DuplicateCandidate } from '@preau/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Label, Radio, RadioGroup, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/error-messages';
import { useFormatDateTime } from '../../../lib/format';
import { Notice } from '../../../lib/ui/Notice';
import { ConfirmDialog } from '../../admin/components/ConfirmDialog';
import { dismissDuplicate, mergeDuplicate, type Scope } from '../api';
import { ComparisonTable } from './ComparisonTable';

type CandidateCardProps = {
  scope: Scope;
  candidate: DuplicateCandidate;
  /** Called once the proposal was decided (or found decided by someone else), with what to announce. */
  onDecided: (message: string) => void;
};

/** One proposal: why, the two accounts side by side, and — when the viewer may decide — the decision. */
export function CandidateCard({ scope, candidate, onDecided }: CandidateCardProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const formatDateTime = useFormatDateTime();
  const [a, b] = candidate.people;
  const [keepId, setKeepId] = useState(candidate.suggestedKeepId);
  const [confirming, setConfirming] = useState<'merge' | 'dismiss' | null>(null);
  const kept = keepId === a.id ? a : b;
  const retired = keepId === a.id ? b : a;
  const titleId = `duplicate-${candidate.id.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const state = (code: string) => t(`duplicates.states.${code}`, { defaultValue: code });

  const merge = useMutation({
    mutationFn: () => mergeDuplicate(scope, candidate.id, keepId),
    onSuccess: (result) => onDecided(t('duplicates.merged', { login: result.login })),
  });
  const dismiss = useMutation({
    mutationFn: () => dismissDuplicate(scope, candidate.id),
    onSuccess: () => onDecided(t('duplicates.dismissed')),
  });
  const pending = merge.isPending || dismiss.isPending;
  const close = () => {
    setConfirming(null);
    merge.reset();
    dismiss.reset();
  };

  return (
    <article className="card duplicate" aria-labelledby={titleId} data-candidate-id={candidate.id} data-reason={candidate.reason}>
      <h2 id={titleId} className="duplicate__title">
        {a.firstName} {a.lastName} · {b.firstName} {b.lastName}
      </h2>
      <p className="duplicate__meta">
        <span className="badge duplicate__reason">{t(`duplicates.reasons.${candidate.reason}`)}</span>{' '}
        {t('duplicates.detectedAt', { date: formatDateTime(candidate.detectedAt) })}
        {candidate.decidedAt ? ` · ${t('duplicates.decidedAt', { date: formatDateTime(candidate.decidedAt) })}` : null}
      </p>
      <ComparisonTable candidate={candidate} />
      {candidate.status === 'open' && !candidate.canDecide ? <Notice tone="info">{t('duplicates.notAdministered')}</Notice> : null}
      {candidate.canDecide ? (
        <div className="duplicate__decision">
          <RadioGroup className="radio-group" value={keepId} onChange={setKeepId} isDisabled={pending}>
            <Label className="field__label">{t('duplicates.keep')}</Label>
            <Text slot="description" className="field__description">
              {t('duplicates.keepHint')}
            </Text>
            {[a, b].map((p) => (
              <Radio key={p.id} value={p.id} className="radio">
                {t('duplicates.keepOption', { login: p.login, state: state(p.state) })}
              </Radio>
            ))}
          </RadioGroup>
          <div className="duplicate__actions">
            <Button className="button button--primary" onPress={() => setConfirming('merge')} isDisabled={pending}>
              {t('duplicates.merge')}
            </Button>
            <Button className="button button--secondary" onPress={() => setConfirming('dismiss')} isDisabled={pending}>
              {t('duplicates.dismiss')}
            </Button>
          </div>
        </div>
      ) : null}
      <ConfirmDialog
        isOpen={confirming === 'merge'}
        title={t('duplicates.confirmMerge.title')}
        body={t('duplicates.confirmMerge.body', { kept: kept.login, retired: retired.login })}
        confirmLabel={t('duplicates.confirmMerge.confirm')}
        busy={merge.isPending}
        error={merge.error ? errorMessage(merge.error) : null}
        onConfirm={() => merge.mutate()}
        onClose={close}
      />
      <ConfirmDialog
        isOpen={confirming === 'dismiss'}
        title={t('duplicates.confirmDismiss.title')}
        body={t('duplicates.confirmDismiss.body', { a: a.login, b: b.login })}
        confirmLabel={t('duplicates.confirmDismiss.confirm')}
        busy={dismiss.isPending}
        error={dismiss.error ? errorMessage(dismiss.error) : null}
        onConfirm={() => dismiss.mutate()}
        onClose={close}
      />
    </article>
  );
}
