import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session';
import { isApiError } from '../../../lib/api-client';
import { useErrorMessage } from '../../../lib/error-messages';
import { Notice, RequiredNote } from '../../../lib/ui/Notice';
import { TextInput } from '../../../lib/ui/TextInput';
import { NewPasswordFields } from '../../auth/components/NewPasswordFields';
import { meetsPasswordRule } from '../../auth/password-rule';
import { changePassword } from '../api';
import { sessionsQueryKey } from './SessionsList';
import { BusyButton } from '../../../lib/ui/BusyButton';

type Field = 'currentPassword' | 'newPassword' | 'confirm';
const FIELD_OF_ERROR: Record<string, Field> = {
  'auth.wrong_current_password': 'currentPassword',
  'auth.weak_password': 'newPassword',
  'auth.password_reused': 'newPassword',
};
const EMPTY = { currentPassword: '', newPassword: '', confirm: '' };

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const { me } = useSession();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const set = (field: Field) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  const mutation = useMutation({
    mutationFn: changePassword,
    onSuccess: () => {
      setValues(EMPTY);
      // The server closed the other sessions: refresh the list below.
      return queryClient.invalidateQueries({ queryKey: sessionsQueryKey });
    },
    onError: (error) => {
      const field = isApiError(error) ? FIELD_OF_ERROR[error.code] : undefined;
      if (field) setErrors({ [field]: errorMessage(error) });
    },
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (mutation.isPending) return; // the busy button stays focusable, so guard repeats here
    mutation.reset();
    const found: Partial<Record<Field, string>> = {};
    if (!values.currentPassword) found.currentPassword = t('account.password.currentRequired');
    if (!meetsPasswordRule(values.newPassword)) found.newPassword = t('errors.auth.weak_password');
    if (values.newPassword !== values.confirm) found.confirm = t('account.password.mismatch');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    mutation.mutate({ currentPassword: values.currentPassword, newPassword: values.newPassword });
  };

  const generalError = mutation.error && !(isApiError(mutation.error) && FIELD_OF_ERROR[mutation.error.code]);
  return (
    <section aria-labelledby="password-title" className="card">
      <h2 id="password-title">{t('account.password.title')}</h2>
      {mutation.isSuccess ? <Notice tone="success">{t('account.password.done')}</Notice> : null}
      {generalError ? <Notice tone="error">{errorMessage(mutation.error)}</Notice> : null}
      <Form className="form" onSubmit={onSubmit} validationBehavior="aria">
        <RequiredNote />
        {/* Lets password managers tie the new password to the right account. */}
        <input type="text" name="username" autoComplete="username" value={me.login} hidden readOnly />
        <TextInput
          label={t('account.password.current')}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          isRequired
          value={values.currentPassword}
          onChange={set('currentPassword')}
          errorMessage={errors.currentPassword}
        />
        <NewPasswordFields
          labels={{ password: t('account.password.new'), confirm: t('account.password.confirm') }}
          names={{ password: 'newPassword', confirm: 'confirmPassword' }}
          password={values.newPassword}
          confirm={values.confirm}
          onPasswordChange={set('newPassword')}
          onConfirmChange={set('confirm')}
          errors={{ password: errors.newPassword, confirm: errors.confirm }}
        />
        <BusyButton type="submit" className="button button--primary" busy={mutation.isPending}>
          {mutation.isPending ? t('account.password.submitting') : t('account.password.submit')}
        </BusyButton>
      </Form>
    </section>
  );
}
