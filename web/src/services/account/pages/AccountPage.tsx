import { useTranslation } from 'react-i18next';
import { Page } from '../../../lib/ui/Page';
import { ChangePasswordForm } from '../components/ChangePasswordForm';
import { ProfileDetails } from '../components/ProfileDetails';
import { SessionsList } from '../components/SessionsList';

export function AccountPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('account.title')}>
      <div className="stack">
        <ProfileDetails />
        <ChangePasswordForm />
        <SessionsList />
      </div>
    </Page>
  );
}
