import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { useOptionalSession } from '../../../app/session';
import { isApiError } from '../../../lib/api-client';
import { useErrorMessage } from '../../../lib/error-messages';
import { Notice, RequiredNote } from '../../../lib/ui/Notice';
import { Page } from '../../../lib/ui/Page';
import { TextInput } from '../../../lib/ui/TextInput';
import { login } from '../api';
import { meQueryKey } from '../queries';
import { safeReturnPath } from '../redirect';
import { BusyButton } from '../../../lib/ui/BusyButton';

type FieldErrors = { login?: string; password?: string };

export function LoginPage() {
  const { t } = useTranslation();
  const session = useOptionalSession();
  const [searchParams] = useSearchParams();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const [values, setValues] = useState({ login: '', password: '' });
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  const mutation = useMutation({
    mutationFn: login,
    // Loading the person makes the session appear, and the redirect below takes over.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });

  if (session) return <Navigate to={safeReturnPath(searchParams.get('retour'))} replace />;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (mutation.isPending) return; // the busy button stays focusable, so guard repeats here
    const errors: FieldErrors = {
      login: values.login.trim() ? undefined : t('auth.login.loginRequired'),
      password: values.password ? undefined : t('auth.login.passwordRequired'),
    };
    setFieldErrors(errors);
    if (errors.login || errors.password) return;
    mutation.mutate({ login: values.login.trim(), password: values.password });
  };

  const error = mutation.error;
  return (
    <Page title={t('auth.login.title')} intro={<p>{t('auth.login.intro')}</p>} width="narrow">
      {error ? (
        <Notice tone="error" title={t('auth.login.failed')}>
          <p>{errorMessage(error)}</p>
          {isApiError(error, 'auth.throttled') && error.retryAfterSeconds ? (
            <p>{t('auth.login.retryIn', { count: error.retryAfterSeconds })}</p>
          ) : null}
          {isApiError(error, 'auth.account_not_active') ? (
            <p>
              <Link to="/activation">{t('auth.login.activateLink')}</Link>
            </p>
          ) : null}
        </Notice>
      ) : null}
      <Form className="form card" onSubmit={onSubmit} validationBehavior="aria">
        <RequiredNote />
        <TextInput
          label={t('auth.login.login')}
          description={t('auth.login.loginHint')}
          name="login"
          autoComplete="username"
          verbatim
          isRequired
          value={values.login}
          onChange={(login) => setValues((v) => ({ ...v, login }))}
          errorMessage={fieldErrors.login}
        />
        <TextInput
          label={t('auth.login.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          isRequired
          value={values.password}
          onChange={(password) => setValues((v) => ({ ...v, password }))}
          errorMessage={fieldErrors.password}
        />
        <BusyButton type="submit" className="button button--primary" busy={mutation.isPending}>
          {mutation.isPending ? t('auth.login.submitting') : t('auth.login.submit')}
        </BusyButton>
      </Form>
      <p className="aside-link">
        {t('auth.login.firstTime')} <Link to="/activation">{t('auth.login.activateLink')}</Link>
      </p>
    </Page>
  );
}
