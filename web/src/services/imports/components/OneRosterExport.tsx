import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxInput } from '../../../lib/ui/CheckboxInput';
import { oneRosterExportUrl } from '../api';

/**
 * Download of a OneRoster 1.2 bundle: of one establishment, or (no id) of the whole platform. A plain
 * link with `download`: the session cookie authenticates the GET and the server names the file.
 * Birth dates are left out unless the administrator ticks the box (`demographics=true`).
 */
export function OneRosterExport({ establishmentId }: { establishmentId: string | null }) {
  const { t } = useTranslation();
  const [demographics, setDemographics] = useState(false);
  const scope = establishmentId ? 'establishment' : 'platform';
  return (
    <section aria-labelledby="oneroster-export-title" className="card">
      <h2 id="oneroster-export-title">{t('imports.export.title')}</h2>
      <p>{t(`imports.export.intro.${scope}`)}</p>
      <p className="muted">{t('imports.export.never')}</p>
      <CheckboxInput
        name="demographics"
        label={t('imports.export.demographics')}
        description={t('imports.export.demographicsHint')}
        isSelected={demographics}
        onChange={setDemographics}
      />
      <p>
        <a className="button button--secondary" href={oneRosterExportUrl(establishmentId, demographics)} download>
          {t(`imports.export.download.${scope}`)}
        </a>
      </p>
    </section>
  );
}
