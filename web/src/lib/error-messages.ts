import { ERROR_MESSAGES, type Locale } from '@preau/contracts';
import { useTranslation } from 'react-i18next';
import { isApiError } from './api-client';

type Tree = { [key: string]: string | Tree };

/** Client-only codes (the request never reached the server). */
const CLIENT_ERRORS = {
  network: {
    fr: 'Le serveur ne répond pas. Vérifiez votre connexion et réessayez.',
    en: 'The server does not answer. Check your connection and try again.',
  },
} as const;

/** `errors.<code>` resources for one language; codes like `auth.throttled` become nested keys. */
export function errorResources(locale: Locale): Tree {
  const tree: Tree = {};
  for (const [code, messages] of Object.entries({ ...ERROR_MESSAGES, ...CLIENT_ERRORS })) {
    const parts = code.split('.');
    let node = tree;
    for (const part of parts.slice(0, -1)) {
      const next = node[part];
      if (typeof next === 'object') node = next;
      else node = node[part] = {};
    }
    node[parts[parts.length - 1]] = messages[locale];
  }
  return tree;
}

/** Turns anything thrown by an API call into a sentence in the current language. */
export function useErrorMessage(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return (error) => {
    if (isApiError(error)) {
      const key = `errors.${error.code}`;
      if (i18n.exists(key)) return t(key);
      // An error code newer than this client: the server already phrased it in our language.
      if (error.message) return error.message;
    }
    return t('errors.internal');
  };
}
