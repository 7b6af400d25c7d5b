import { type ReactNode, useId } from 'react';
import { CheckboxButton, CheckboxField, FieldError } from 'react-aria-components';

type CheckboxInputProps = {
  name: string;
  label: ReactNode;
  isSelected: boolean;
  onChange: (selected: boolean) => void;
  /** When set, the checkbox is invalid and the message is linked with aria-describedby. */
  errorMessage?: string | null;
  isRequired?: boolean;
  /** Help shown under the checkbox and linked with aria-describedby. */
  description?: string;
};

/** A checkbox with its label and error message wired by react-aria (CheckboxField). */
export function CheckboxInput({ name, label, isSelected, onChange, errorMessage, isRequired, description }: CheckboxInputProps) {
  const descriptionId = useId();
  return (
    <CheckboxField
      className="checkbox"
      name={name}
      isSelected={isSelected}
      onChange={onChange}
      isInvalid={Boolean(errorMessage)}
      isRequired={isRequired}
      validationBehavior="aria"
      aria-describedby={description ? descriptionId : undefined}
    >
      <CheckboxButton className="checkbox__button">
        <span className="checkbox__box" aria-hidden="true">
          {isSelected ? '✓' : ''}
        </span>
        <span className="checkbox__label">{label}</span>
      </CheckboxButton>
      {description ? (
        <p id={descriptionId} className="field__description checkbox__description">
          {description}
        </p>
      ) : null}
      <FieldError className="field__error">{errorMessage}</FieldError>
    </CheckboxField>
  );
}
