import type { ReactNode } from 'react';
import { CheckboxButton, CheckboxField, FieldError } from 'react-aria-components';

type CheckboxInputProps = {
  name: string;
  label: ReactNode;
  isSelected: boolean;
  onChange: (selected: boolean) => void;
  /** When set, the checkbox is invalid and the message is linked with aria-describedby. */
  errorMessage?: string | null;
  isRequired?: boolean;
};

/** A checkbox with its label and error message wired by react-aria (CheckboxField). */
export function CheckboxInput({ name, label, isSelected, onChange, errorMessage, isRequired }: CheckboxInputProps) {
  return (
    <CheckboxField
      className="checkbox"
      name={name}
      isSelected={isSelected}
      onChange={onChange}
      isInvalid={Boolean(errorMessage)}
      isRequired={isRequired}
      validationBehavior="aria"
    >
      <CheckboxButton className="checkbox__button">
        <span className="checkbox__box" aria-hidden="true">
          {isSelected ? '✓' : ''}
        </span>
        <span className="checkbox__label">{label}</span>
      </CheckboxButton>
      <FieldError className="field__error">{errorMessage}</FieldError>
    </CheckboxField>
  );
}
