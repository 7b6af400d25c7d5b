import type { DirectoryPerson, PersonState } from '@preau/contracts';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { BusyButton } from '../../../lib/ui/BusyButton';

type AccountActionsProps = {
  person: DirectoryPerson;
  /** Known only after a suspension or reactivation: the directory does not tell an account's state. */
  state: PersonState | undefined;
  reactivating: boolean;
  onReset: () => void;
  onSuspend: () => void;
  onReactivate: () => void;
};

/** Buttons on a person's card; each accessible name starts with its visible text (WCAG 2.5.3). */
export function AccountActions({ person, state, reactivating, onReset, onSuspend, onReactivate }: AccountActionsProps) {
  const { t } = useTranslation();
  const name = person.displayName;
  return (
    <>
      {state ? (
        <span className={`badge badge--${state}`} data-account-state={state}>
          {t('admin.stateBadge', { state: t(`admin.states.${state}`) })}
        </span>
      ) : null}
      <Button className="button button--secondary" onPress={onReset} aria-label={t('admin.resetLabel', { name })}>
        {t('admin.reset')}
      </Button>
      <Button className="button button--secondary" onPress={onSuspend} aria-label={t('admin.suspendLabel', { name })}>
        {t('admin.suspend')}
      </Button>
      <BusyButton
        className="button button--quiet"
        onPress={onReactivate}
        busy={reactivating}
        aria-label={t('admin.reactivateLabel', { name })}
      >
        {t('admin.reactivate')}
      </BusyButton>
    </>
  );
}
