import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { BusyButton } from '../../../lib/ui/BusyButton';
import { Notice } from '../../../lib/ui/Notice';

type ConfirmDialogProps = {
  isOpen: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  busy: boolean;
  /** Shown inside the dialog, so the person sees why nothing happened without losing their place. */
  error: string | null;
  onConfirm: () => void;
  onClose: () => void;
};

/**
 * A modal asking to confirm a lasting change to someone's account (react-aria: focus trapped,
 * Escape closes, focus returns to the button that opened it).
 */
export function ConfirmDialog({ isOpen, title, body, confirmLabel, busy, error, onConfirm, onClose }: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <ModalOverlay
      className="modal-overlay"
      isDismissable
      isOpen={isOpen}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <Modal className="modal">
        <Dialog className="dialog">
          <Heading slot="title" className="dialog__title">
            {title}
          </Heading>
          <p>{body}</p>
          {error ? <Notice tone="error">{error}</Notice> : null}
          <div className="dialog__actions">
            <Button className="button button--secondary" onPress={onClose}>
              {t('common.cancel')}
            </Button>
            <BusyButton className="button button--danger" onPress={onConfirm} busy={busy} autoFocus>
              {confirmLabel}
            </BusyButton>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
