import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../app/i18n';
import { Page } from '../../../lib/ui/Page';
import { LegalArticle } from '../components/LegalArticle';
import { privacySections } from '../content/privacy';
import { useScrollToHash } from '../hash';
import { legalConfig } from '../legal-config';

export function PrivacyPage() {
  const { t, i18n } = useTranslation();
  useScrollToHash();
  return (
    <Page title={t('legal.privacy.title')}>
      <LegalArticle sections={privacySections(currentLanguage(i18n), legalConfig)} />
    </Page>
  );
}
