import { useTranslation } from 'react-i18next';
import { analysePassword, type CharacterKind } from '../password-rule';

const KINDS: CharacterKind[] = ['lower', 'upper', 'digit', 'symbol'];

/**
 * Explains the CNIL rule while the user types: which branch is met and what the password has so
 * far. Only the one-line verdict is a live region, so screen readers are not flooded per keystroke.
 */
export function PasswordRuleHint({ password, id }: { password: string; id?: string }) {
  const { t } = useTranslation();
  const analysis = analysePassword(password);
  const branches = [
    { key: 'twelve_four_kinds', label: t('auth.passwordRule.twelveFourKinds') },
    { key: 'fourteen_three_kinds', label: t('auth.passwordRule.fourteenThreeKinds') },
    { key: 'passphrase', label: t('auth.passwordRule.passphrase') },
  ] as const;
  const present = KINDS.filter((kind) => analysis.kinds[kind]).map((kind) => t(`auth.passwordRule.kind.${kind}`));
  return (
    <div className="password-rule" id={id}>
      <p className="password-rule__heading">{t('auth.passwordRule.heading')}</p>
      <ul className="password-rule__list">
        {branches.map((branch) => {
          const met = analysis.satisfiedBy === branch.key;
          return (
            <li key={branch.key} className={met ? 'is-met' : undefined}>
              <span aria-hidden="true" className="password-rule__mark">
                {met ? '✓' : '•'}
              </span>
              {branch.label}
              {met ? <span className="visually-hidden"> ({t('auth.passwordRule.met')})</span> : null}
            </li>
          );
        })}
      </ul>
      <p className="password-rule__current">
        {t('auth.passwordRule.current', { count: analysis.length })},{' '}
        {t('auth.passwordRule.kinds', { list: present.length ? present.join(', ') : t('auth.passwordRule.noKinds') })},{' '}
        {t('auth.passwordRule.words', { count: analysis.words })}.
      </p>
      <p className={`password-rule__verdict ${analysis.satisfiedBy ? 'is-met' : ''}`} role="status" aria-live="polite">
        {password === '' ? '' : analysis.satisfiedBy ? t('auth.passwordRule.ok') : t('auth.passwordRule.notYet')}
      </p>
    </div>
  );
}
