import { useTranslation } from 'react-i18next';

function locale(language: string): string {
  return language === 'en' ? 'en-GB' : 'fr-FR';
}

/** Date and time in the chosen language ("3 mars 2026 à 14:05"). */
export function useFormatDateTime(): (iso: string) => string {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(locale(i18n.language), { dateStyle: 'long', timeStyle: 'short' });
  return (iso) => format.format(new Date(iso));
}

/** A calendar date ("2012-05-04" → "4 mai 2012"), read as such rather than as a UTC instant. */
export function useFormatDate(): (isoDate: string) => string {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(locale(i18n.language), { dateStyle: 'long', timeZone: 'UTC' });
  return (isoDate) => format.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}
