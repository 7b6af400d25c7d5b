import type { Child } from '@preau/contracts';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/session';

/** "4e B, Collège Jean Moulin" for each establishment the child attends. */
export function useChildSchooling(): (child: Child) => string {
  const { t } = useTranslation();
  return (child) =>
    child.establishments
      .map(({ establishment, groups }) => {
        const className = groups.find((g) => g.kind === 'class')?.name ?? t('portal.children.noClass');
        return t('portal.children.classIn', { className, establishment: establishment.name });
      })
      .join(' ; ');
}

/** For relatives: which child the portal follows; each choice shows the child's class. */
export function ChildSwitcher() {
  const { t } = useTranslation();
  const { me, child, selectChild } = useSession();
  const schooling = useChildSchooling();
  if (me.children.length === 0 || !child) return null;
  return (
    <section aria-labelledby="children-title" className="card children">
      <h2 id="children-title">{t('portal.children.title')}</h2>
      {me.children.length > 1 ? (
        <RadioGroup className="radio-group" value={child.id} onChange={selectChild}>
          <Label className="field__label">{t('portal.children.label')}</Label>
          {me.children.map((c) => (
            <Radio key={c.id} value={c.id} className="radio">
              <span className="radio__dot" aria-hidden="true" />
              <span>
                <span className="radio__title">
                  {c.firstName} {c.lastName}
                </span>
                <span className="radio__detail">{schooling(c)}</span>
              </span>
            </Radio>
          ))}
        </RadioGroup>
      ) : null}
      <p className="children__current" aria-live="polite">
        {t('portal.children.following', { name: `${child.firstName} ${child.lastName}` })} {schooling(child)}.
      </p>
    </section>
  );
}
