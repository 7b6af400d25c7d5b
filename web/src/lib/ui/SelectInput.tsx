import type { Key } from 'react-aria-components';
import { Button, Label, ListBox, ListBoxItem, Popover, Select, SelectValue, Text } from 'react-aria-components';

export type SelectOption = { id: string; label: string };

type SelectInputProps = {
  label: string;
  description?: string;
  options: SelectOption[];
  value: string;
  onChange: (id: string) => void;
  name?: string;
};

/** A labelled single-choice list (react-aria Select: keyboard, typeahead, screen-reader support). */
export function SelectInput({ label, description, options, value, onChange, name }: SelectInputProps) {
  return (
    <Select
      className="field select"
      name={name}
      value={value}
      onChange={(key: Key | null) => {
        if (key !== null) onChange(String(key));
      }}
    >
      <Label className="field__label">{label}</Label>
      {description ? (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      ) : null}
      <Button className="select__button">
        <SelectValue className="select__value" />
        <span aria-hidden="true" className="select__chevron">
          ▾
        </span>
      </Button>
      <Popover className="popover">
        <ListBox className="listbox" items={options}>
          {(option) => (
            <ListBoxItem id={option.id} textValue={option.label} className="listbox__item">
              {option.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}
