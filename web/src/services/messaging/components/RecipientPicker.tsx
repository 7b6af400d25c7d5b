import type { RecipientGroup, RecipientPerson } from '@preau/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Button, ComboBox, Input, Label, ListBox, ListBoxItem, Popover, Tag, TagGroup, TagList, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { searchRecipients } from '../api';

/** An address chosen in the form, with the label shown on its tag. */
export type ChosenAddress = { type: 'person' | 'group' | 'group_relatives'; id: string; label: string };
type Option = ChosenAddress & { key: string; detail: string };

export const keyOf = (a: { type: string; id: string }) => `${a.type}:${a.id}`;

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/**
 * The recipient picker: a combobox searching, on the server, only the people, classes and groups
 * the communication rules let this person write to (accents ignored), and the chosen ones as tags
 * that can be removed with the keyboard (Backspace/Delete) or their button.
 */
export function RecipientPicker({
  establishmentId,
  label,
  value,
  onChange,
}: {
  establishmentId: string;
  label: string;
  value: ChosenAddress[];
  onChange: (next: ChosenAddress[]) => void;
}) {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const q = useDebounced(input.trim(), 250);
  const results = useQuery({
    queryKey: ['messaging', 'recipients', establishmentId, q],
    queryFn: () => searchRecipients(establishmentId, q),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    enabled: q !== '',
  });
  const chosen = new Set(value.map(keyOf));
  const personOption = (p: RecipientPerson): Option => {
    const roles = p.profiles.map((profile) => t(`profiles.${profile}`)).join(', ');
    return { type: 'person', id: p.id, key: keyOf({ type: 'person', id: p.id }), label: p.displayName, detail: [roles, p.detail].filter(Boolean).join(' · ') };
  };
  const groupOption = (g: RecipientGroup): Option => ({
    type: g.type,
    id: g.id,
    key: keyOf(g),
    label: g.type === 'group_relatives' ? t('messaging.picker.relatives', { name: g.name }) : g.name,
    detail: t('messaging.picker.members', { count: g.memberCount }),
  });
  const options = q === '' || input.trim() === '' ? [] : [...(results.data?.groups ?? []).map(groupOption), ...(results.data?.people ?? []).map(personOption)].filter((o) => !chosen.has(o.key));

  return (
    <div className="picker">
      <ComboBox
        className="field"
        inputValue={input}
        onInputChange={setInput}
        selectedKey={null}
        onSelectionChange={(key) => {
          const option = options.find((o) => o.key === key);
          if (!option) return;
          onChange([...value, { type: option.type, id: option.id, label: option.label }]);
          setInput('');
        }}
        items={options}
        menuTrigger="input"
        // "Nobody matches" shows while something is typed; once a choice clears the text, the list closes.
        allowsEmptyCollection={input.trim() !== ''}
      >
        <Label className="field__label">{label}</Label>
        <Text slot="description" className="field__description">
          {t('messaging.picker.hint')}
        </Text>
        <Input className="field__input" placeholder={t('messaging.picker.placeholder')} />
        <Popover className="popover picker__popover">
          <ListBox<Option>
            className="listbox"
            renderEmptyState={() => <p className="picker__empty">{results.isFetching ? t('messaging.picker.searching') : t('messaging.picker.none')}</p>}
          >
            {(option) => (
              <ListBoxItem id={option.key} textValue={option.label} className="listbox__item picker__option">
                <span className="picker__label">{option.label}</span>
                <span className="picker__detail">{option.detail}</span>
              </ListBoxItem>
            )}
          </ListBox>
        </Popover>
      </ComboBox>
      {value.length > 0 ? (
        <TagGroup
          className="tags"
          aria-label={t('messaging.picker.chosen', { field: label })}
          onRemove={(keys) => onChange(value.filter((a) => !keys.has(keyOf(a))))}
        >
          <TagList className="tags__list" items={value.map((a) => ({ ...a, key: keyOf(a) }))}>
            {(a) => (
              <Tag id={a.key} textValue={a.label} className="tag">
                {a.label}
                {/* react-aria appends the tag’s own label: "Retirer Parents de 5B". */}
                <Button slot="remove" className="tag__remove" aria-label={t('messaging.picker.remove')}>
                  <span aria-hidden="true">×</span>
                </Button>
              </Tag>
            )}
          </TagList>
        </TagGroup>
      ) : null}
    </div>
  );
}
