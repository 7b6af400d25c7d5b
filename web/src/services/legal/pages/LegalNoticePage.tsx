import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../app/i18n';
import { Page } from '../../../lib/ui/Page';
import { LegalArticle } from '../components/LegalArticle';
import { legalNoticeSections } from '../content/legal-notice';
import { useScrollToHash } from '../hash';
import { legalConfig } from '../legal-config';

export function LegalNoticePage() {
  const { t, i18n } = useTranslation();
  useScrollToHash();
  return (
    <Page title={t('legal.notice.title')}>
      <LegalArticle sections={legalNoticeSections(currentLanguage(i18n), legalConfig)} />
    </Page>
  );
}
