import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session';
import { SelectInput } from '../../../lib/ui/SelectInput';

/** Shown only to people who belong to several establishments. */
export function EstablishmentSwitcher() {
  const { t } = useTranslation();
  const { me, membership, selectEstablishment } = useSession();
  if (me.memberships.length < 2 || !membership) return null;
  return (
    <div className="switcher">
      <SelectInput
        label={t('portal.establishment.label')}
        description={t('portal.establishment.description')}
        name="establishment"
        value={membership.establishment.id}
        onChange={selectEstablishment}
        options={me.memberships.map((m) => ({ id: m.establishment.id, label: m.establishment.name }))}
      />
    </div>
  );
}
