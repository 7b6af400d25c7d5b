import { useTranslation } from 'react-i18next';

/**
 * Translates a code sent by the server under a key prefix ("imports.report.rejectReasons" +
 * "invalid_date"); a code newer than this client is shown as sent rather than as a missing key.
 */
export function useCodeLabel(): (prefix: string, code: string) => string {
  const { t, i18n } = useTranslation();
  return (prefix, code) => {
    const key = `${prefix}.${code}`;
    return i18n.exists(key) ? t(key) : code;
  };
}
