import { useTranslation } from 'react-i18next';
import { TextInput } from '../../../lib/ui/TextInput';
import { PasswordRuleHint } from './PasswordRuleHint';

interface Props {
  labels: { password: string; confirm: string };
  names: { password: string; confirm: string };
  password: string;
  confirm: string;
  onPasswordChange(value: string): void;
  onConfirmChange(value: string): void;
  errors: { password?: string; confirm?: string };
}

/** A new password, the CNIL rule checked as it is typed, and its confirmation (activation and account page). */
export function NewPasswordFields({ labels, names, password, confirm, onPasswordChange, onConfirmChange, errors }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        label={labels.password}
        description={t('auth.passwordRule.summary')}
        name={names.password}
        type="password"
        autoComplete="new-password"
        isRequired
        value={password}
        onChange={onPasswordChange}
        errorMessage={errors.password}
      />
      <PasswordRuleHint password={password} />
      <TextInput
        label={labels.confirm}
        name={names.confirm}
        type="password"
        autoComplete="new-password"
        isRequired
        value={confirm}
        onChange={onConfirmChange}
        errorMessage={errors.confirm}
      />
    </>
  );
}
