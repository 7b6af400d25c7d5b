import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setLanguageSource } from '../../lib/api-client';
import { errorResources } from '../../lib/error-messages';
import { accountTexts } from '../../services/account/i18n';
import { adminTexts } from '../../services/admin/i18n';
import { auditTexts } from '../../services/audit/i18n';
import { authTexts } from '../../services/auth/i18n';
import { directoryTexts } from '../../services/directory/i18n';
import { duplicatesTexts } from '../../services/duplicates/i18n';
import { establishmentsTexts } from '../../services/establishments/i18n';
import { importsTexts } from '../../services/imports/i18n';
import { legalTexts } from '../../services/legal/i18n';
import { notificationsTexts } from '../../services/notifications/i18n';
import { timelineTexts } from '../../services/timeline/i18n';
import { portalTexts } from '../../services/portal/i18n';
import { communicationTexts } from '../../services/communication/i18n';
import { messagingTexts } from '../../services/messaging/i18n';
import { homeworkTexts } from '../../services/homework/i18n';
import { gradesTexts } from '../../services/grades/i18n';
import { justificationTexts } from '../../services/attendance/justification/i18n';
import { disciplineTexts } from '../../services/discipline/i18n';
import { attendanceTexts } from '../../services/attendance/i18n';
import { reportCardsTexts } from '../../services/report-cards/i18n';
import { skillsTexts } from '../../services/skills/i18n';
import { timetableTexts } from '../../services/timetable/i18n';
import { commonTexts } from './common';

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'preau.lang';

/** Each service owns its texts; they are merged under the service's name. */
function resourcesFor(language: Language) {
  return {
    translation: {
      ...commonTexts[language],
      auth: authTexts[language],
      portal: portalTexts[language],
      account: accountTexts[language],
      directory: directoryTexts[language],
      timetable: timetableTexts[language],
      homework: homeworkTexts[language],
      grades: gradesTexts[language],
      justification: justificationTexts[language],
      discipline: disciplineTexts[language],
      attendance: attendanceTexts[language],
      reportCards: reportCardsTexts[language],
      skills: skillsTexts[language],
      messaging: messagingTexts[language],
      communication: communicationTexts[language],
      admin: adminTexts[language],
      imports: importsTexts[language],
      duplicates: duplicatesTexts[language],
      establishments: establishmentsTexts[language],
      audit: auditTexts[language],
      legal: legalTexts[language],
      timeline: timelineTexts[language],
      notifications: notificationsTexts[language],
      errors: errorResources(language),
    },
  };
}

function storedLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'fr' || stored === 'en') return stored;
  } catch {
    // Storage unavailable: French, the default.
  }
  return 'fr';
}

export function currentLanguage(i18n: I18n): Language {
  return i18n.language === 'en' ? 'en' : 'fr';
}

/** French unless the user chose English on this device; the <html lang> and the API follow. */
export function createI18n(language: Language = storedLanguage()): I18n {
  const instance = i18next.createInstance();
  instance.use(initReactI18next).init({
    resources: { fr: resourcesFor('fr'), en: resourcesFor('en') },
    lng: language,
    fallbackLng: 'fr',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false }, // React already escapes
    initAsync: false, // resources are in the bundle: render the first frame translated
    returnNull: false,
  });
  const apply = (lng: string) => {
    document.documentElement.lang = lng;
    try {
      localStorage.setItem(STORAGE_KEY, lng);
    } catch {
      // Not persisted; the choice lasts for this page.
    }
  };
  document.documentElement.lang = instance.language;
  instance.on('languageChanged', apply);
  setLanguageSource(() => currentLanguage(instance));
  return instance;
}
