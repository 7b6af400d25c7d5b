export const legalTexts = {
  fr: {
    notice: { title: 'Mentions légales' },
    privacy: { title: 'Données personnelles' },
    terms: { title: 'Charte d’utilisation' },
    onThisPage: 'Sur cette page',
  },
  en: {
    notice: { title: 'Legal notice' },
    privacy: { title: 'Personal data' },
    terms: { title: 'Terms of use' },
    onThisPage: 'On this page',
  },
} as const;
