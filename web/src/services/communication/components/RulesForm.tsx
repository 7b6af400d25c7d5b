import { COMMUNICATION_TARGETS, type CommunicationRules, type CommunicationTarget, PROFILES } from '@preau/contracts';
import { type FormEvent, useState } from 'react';
import { Checkbox, CheckboxGroup, Form, Label } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { BusyButton } from '../../../lib/ui/BusyButton';

/** One group of checkboxes per sender profile: the targets they may start a conversation with. */
export function RulesForm({ rules, busy, onSave, onReset, canReset }: { rules: CommunicationRules; busy: boolean; onSave: (rules: CommunicationRules) => void; onReset: () => void; canReset: boolean }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<CommunicationRules>(rules);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!busy) onSave(draft);
  };
  return (
    <Form className="rules" onSubmit={submit}>
      <div className="rules__grid">
        {PROFILES.map((profile) => (
          <CheckboxGroup
            key={profile}
            className="rules__group card"
            value={draft[profile]}
            onChange={(value) => setDraft((d) => ({ ...d, [profile]: value as CommunicationTarget[] }))}
            data-profile={profile}
          >
            <Label className="rules__legend">{t('communication.canWriteTo', { profile: t(`communication.senderProfiles.${profile}`) })}</Label>
            {COMMUNICATION_TARGETS.map((target) => (
              <Checkbox key={target} value={target} className="checkbox__button rules__option">
                {({ isSelected }) => (
                  <>
                    <span className="checkbox__box" aria-hidden="true">
                      {isSelected ? '✓' : ''}
                    </span>
                    <span className="checkbox__label">{t(`communication.targets.${target}`)}</span>
                  </>
                )}
              </Checkbox>
            ))}
          </CheckboxGroup>
        ))}
      </div>
      <div className="rules__actions">
        <BusyButton type="submit" className="button button--primary" busy={busy}>
          {t('communication.save')}
        </BusyButton>
        {canReset ? (
          <BusyButton className="button button--secondary" busy={busy} onPress={onReset}>
            {t('communication.reset')}
          </BusyButton>
        ) : null}
      </div>
    </Form>
  );
}
