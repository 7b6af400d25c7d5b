import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import type { ReactNode } from 'react';
import { I18nProvider as AriaI18nProvider } from 'react-aria-components';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { isApiError } from '../lib/api-client';
import { forgetSession } from '../services/auth/queries';

/**
 * A 401 on any call means the session ended (expired, revoked from another device): forget the
 * person so the router sends them to /connexion. Client errors are not retried; they will not heal.
 */
export function createQueryClient(): QueryClient {
  const onError = (error: unknown) => {
    if (isApiError(error) && error.status === 401 && error.code === 'auth.required') {
      forgetSession(client);
    }
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        retry: (count, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
  return client;
}

/** react-aria formats its own built-in strings (e.g. "Select an item") in the chosen language. */
function AriaLocale({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return <AriaI18nProvider locale={i18n.language === 'en' ? 'en-GB' : 'fr-FR'}>{children}</AriaI18nProvider>;
}

export function Providers({ i18n, queryClient, children }: { i18n: I18n; queryClient: QueryClient; children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <AriaLocale>{children}</AriaLocale>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
