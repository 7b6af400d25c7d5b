import type { PersonState } from '@preau/contracts';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { BusyButton } from '../../../lib/ui/BusyButton';

type AccountActionsProps = {
  name: string;
  state: PersonState;
  reactivating: boolean;
  /** False when the person also belongs to an establishment the viewer does not administer. */
  canSuspend?: boolean;
  onReset: () => void;
  onSuspend: () => void;
  onReactivate: () => void;
};

/** Reset, then suspend or reactivate as the state allows; each accessible name starts with its visible text (WCAG 2.5.3). */
export function AccountActions({ name, state, reactivating, canSuspend = true, onReset, onSuspend, onReactivate }: AccountActionsProps) {
  const { t } = useTranslation();
  if (state === 'left') return null;
  return (
    <>
      <Button className="button button--secondary" onPress={onReset} aria-label={t('admin.resetLabel', { name })}>
        {t('admin.reset')}
      </Button>
      {!canSuspend ? null : state === 'suspended' ? (
        <BusyButton className="button button--quiet" onPress={onReactivate} busy={reactivating} aria-label={t('admin.reactivateLabel', { name })}>
          {t('admin.reactivate')}
        </BusyButton>
      ) : (
        <Button className="button button--secondary" onPress={onSuspend} aria-label={t('admin.suspendLabel', { name })}>
          {t('admin.suspend')}
        </Button>
      )}
    </>
  );
}
