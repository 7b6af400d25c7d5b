import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Button, Disclosure, DisclosurePanel, Form, Heading } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { useOptionalSession } from '../../../app/session';
import { isApiError } from '../../../lib/api-client';
import { useErrorMessage } from '../../../lib/error-messages';
import { CheckboxInput } from '../../../lib/ui/CheckboxInput';
import { Notice, RequiredNote } from '../../../lib/ui/Notice';
import { Page } from '../../../lib/ui/Page';
import { TextInput } from '../../../lib/ui/TextInput';
import { TermsOfUse } from '../../legal/components/TermsOfUse';
import { activate } from '../api';
import { NewPasswordFields } from '../components/NewPasswordFields';
import { meetsPasswordRule } from '../password-rule';
import { meQueryKey } from '../queries';
import { BusyButton } from '../../../lib/ui/BusyButton';

type Field = 'login' | 'activationCode' | 'password' | 'confirm' | 'acceptTerms';
type FieldErrors = Partial<Record<Field, string>>;

/** Server errors that belong to one field are shown on it rather than at the top. */
const FIELD_OF_ERROR: Record<string, Field> = {
  'auth.weak_password': 'password',
  'auth.terms_not_accepted': 'acceptTerms',
  'auth.password_reused': 'password',
};

export function ActivationPage() {
  const { t } = useTranslation();
  const session = useOptionalSession();
  const [searchParams] = useSearchParams();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const [values, setValues] = useState({
    login: searchParams.get('identifiant') ?? '',
    activationCode: '',
    password: '',
    confirm: '',
    acceptTerms: false,
  });
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const set = <K extends keyof typeof values>(key: K) => (value: (typeof values)[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  const mutation = useMutation({
    mutationFn: activate,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
    onError: (error) => {
      const field = isApiError(error) ? FIELD_OF_ERROR[error.code] : undefined;
      if (field) setFieldErrors({ [field]: errorMessage(error) });
    },
  });

  if (session) return <Navigate to="/" replace />;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (mutation.isPending) return; // the busy button stays focusable, so guard repeats here
    const errors: FieldErrors = {};
    if (!values.login.trim()) errors.login = t('auth.login.loginRequired');
    if (!values.activationCode.trim()) errors.activationCode = t('auth.activation.codeRequired');
    if (!meetsPasswordRule(values.password)) errors.password = t('errors.auth.weak_password');
    if (values.password !== values.confirm) errors.confirm = t('auth.activation.confirmMismatch');
    if (!values.acceptTerms) errors.acceptTerms = t('errors.auth.terms_not_accepted');
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    mutation.mutate({
      login: values.login.trim(),
      activationCode: values.activationCode.trim(),
      password: values.password,
      acceptTerms: true,
    });
  };

  const error = mutation.error;
  const generalError = error && !(isApiError(error) && FIELD_OF_ERROR[error.code]);
  return (
    <Page title={t('auth.activation.title')} intro={<p>{t('auth.activation.intro')}</p>} width="narrow">
      {generalError ? (
        <Notice tone="error" title={t('auth.activation.failed')}>
          <p>{errorMessage(error)}</p>
        </Notice>
      ) : null}
      <Form className="form card" onSubmit={onSubmit} validationBehavior="aria">
        <RequiredNote />
        <TextInput
          label={t('auth.activation.login')}
          name="login"
          autoComplete="username"
          verbatim
          isRequired
          value={values.login}
          onChange={set('login')}
          errorMessage={fieldErrors.login}
        />
        <TextInput
          label={t('auth.activation.code')}
          description={t('auth.activation.codeHint')}
          name="activationCode"
          autoComplete="one-time-code"
          verbatim
          isRequired
          value={values.activationCode}
          onChange={set('activationCode')}
          errorMessage={fieldErrors.activationCode}
        />
        <NewPasswordFields
          labels={{ password: t('auth.activation.password'), confirm: t('auth.activation.confirm') }}
          names={{ password: 'password', confirm: 'confirm' }}
          password={values.password}
          confirm={values.confirm}
          onPasswordChange={set('password')}
          onConfirmChange={set('confirm')}
          errors={{ password: fieldErrors.password, confirm: fieldErrors.confirm }}
        />
        <Disclosure className="disclosure">
          <Heading level={2} className="disclosure__heading">
            <Button slot="trigger" className="disclosure__trigger">
              {t('auth.activation.termsRead')}
            </Button>
          </Heading>
          <DisclosurePanel className="disclosure__panel">
            <TermsOfUse />
          </DisclosurePanel>
        </Disclosure>
        <CheckboxInput
          name="acceptTerms"
          label={t('auth.activation.terms')}
          isSelected={values.acceptTerms}
          onChange={set('acceptTerms')}
          errorMessage={fieldErrors.acceptTerms}
          isRequired
        />
        <BusyButton type="submit" className="button button--primary" busy={mutation.isPending}>
          {mutation.isPending ? t('auth.activation.submitting') : t('auth.activation.submit')}
        </BusyButton>
      </Form>
      <p className="aside-link">
        {t('auth.activation.haveAccount')} <Link to="/connexion">{t('auth.activation.loginLink')}</Link>
      </p>
    </Page>
  );
}
