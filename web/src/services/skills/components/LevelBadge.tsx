import type { SkillResultValue } from '@preau/contracts';
import { useTranslation } from 'react-i18next';

/**
 * A mastery level as text and colour together: the short code (MI, MF, MS, TBM) is always
 * written, the full label is read by screen readers and shown on hover, so nothing depends on
 * colour alone. `full` writes the full label instead of the code.
 */
export function LevelBadge({ value, full = false }: { value: SkillResultValue | null; full?: boolean }) {
  const { t } = useTranslation();
  if (value === null) return <span className="skill-level skill-level--none">{t('skills.none')}</span>;
  if (value === 'absent') return <span className="skill-level skill-level--absent">{t('skills.absent')}</span>;
  const label = t(`skills.levels.${value}`);
  if (full) return <span className={`skill-level skill-level--${value}`}>{label}</span>;
  return (
    <span className={`skill-level skill-level--${value}`} title={label}>
      <span aria-hidden="true">{t(`skills.codes.${value}`)}</span>
      <span className="visually-hidden">{label}</span>
    </span>
  );
}
