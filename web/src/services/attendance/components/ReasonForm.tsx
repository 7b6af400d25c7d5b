import type { AttendanceReason } from '@preau/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Form } from 'react-aria-components';
import { useErrorMessage } from '../../../lib/error-messages';
import { BusyButton } from '../../../lib/ui/BusyButton';
import { CheckboxInput } from '../../../lib/ui/CheckboxInput';
import { Notice } from '../../../lib/ui/Notice';
import { TextInput } from '../../../lib/ui/TextInput';
import { useSaveReason } from '../api';

const CODE = /^[a-z0-9_]{1,40}$/;

/** Adds a reason, or edits the one given (code, label, whether it justifies, whether it is offered). */
export function ReasonForm({ establishmentId, reason, onSaved, onCancel }: { establishmentId: string; reason: AttendanceReason | null; onSaved: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const save = useSaveReason(establishmentId);
  const [code, setCode] = useState(reason?.code ?? '');
  const [label, setLabel] = useState(reason?.label ?? '');
  const [justifies, setJustifies] = useState(reason?.countsAsJustified ?? true);
  const [active, setActive] = useState(reason?.active ?? true);
  const [showErrors, setShowErrors] = useState(false);
  const codeError = showErrors && !CODE.test(code.trim()) ? t('attendance.reasons.codeHelp') : null;
  const labelError = showErrors && label.trim() === '' ? t('attendance.reasons.label') : null;
  const title = reason ? t('attendance.reasons.editTitle', { label: reason.label }) : t('attendance.reasons.addTitle');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    setShowErrors(true);
    if (!CODE.test(code.trim()) || label.trim() === '') return;
    save.mutate(
      { id: reason?.id ?? null, body: { code: code.trim(), label: label.trim(), countsAsJustified: justifies, active, ...(reason ? { position: reason.position } : {}) } },
      {
        onSuccess: () => {
          if (!reason) {
            setCode('');
            setLabel('');
            setShowErrors(false);
          }
          onSaved();
        },
      },
    );
  };

  return (
    <Form onSubmit={onSubmit} aria-label={title} className="grades-entry-section" validationBehavior="aria">
      <h3>{title}</h3>
      <TextInput label={t('attendance.reasons.code')} description={t('attendance.reasons.codeHelp')} value={code} onChange={setCode} isRequired verbatim errorMessage={codeError} />
      <TextInput label={t('attendance.reasons.label')} value={label} onChange={setLabel} isRequired errorMessage={labelError} />
      <CheckboxInput name="justifies" label={t('attendance.reasons.justifies')} isSelected={justifies} onChange={setJustifies} />
      <CheckboxInput name="active" label={t('attendance.reasons.active')} isSelected={active} onChange={setActive} />
      {save.isError ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
      <div className="roll__actions">
        <BusyButton busy={save.isPending} type="submit" className="button button--primary">
          {reason ? t('attendance.reasons.update') : t('attendance.reasons.create')}
        </BusyButton>
        {reason ? (
          <Button className="button" onPress={onCancel}>
            {t('attendance.reasons.cancel')}
          </Button>
        ) : null}
      </div>
    </Form>
  );
}
