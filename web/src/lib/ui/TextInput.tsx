import type { ReactNode } from 'react';
import { FieldError, Input, Label, Text, TextField, type TextFieldProps } from 'react-aria-components';

type TextInputProps = Omit<TextFieldProps, 'children' | 'isInvalid' | 'className'> & {
  label: string;
  /** Help shown under the field and linked with aria-describedby. */
  description?: ReactNode;
  /** When set the field is marked invalid and the message is linked with aria-describedby. */
  errorMessage?: string | null;
  /** Logins, codes, identifiers: no auto-capitalisation, autocorrect or spell-check. */
  verbatim?: boolean;
};

/** A labelled text input; react-aria links label, description and error to the input. */
export function TextInput({ label, description, errorMessage, verbatim, ...props }: TextInputProps) {
  return (
    <TextField {...props} className="field" isInvalid={Boolean(errorMessage)} validationBehavior="aria">
      <Label className="field__label">
        {label}
        {props.isRequired ? <span aria-hidden="true"> *</span> : null}
      </Label>
      {description ? (
        <Text slot="description" className="field__description">
          {description}
        </Text>
      ) : null}
      <Input
        className="field__input"
        {...(verbatim ? { autoCapitalize: 'none', autoCorrect: 'off', spellCheck: false } : {})}
      />
      <FieldError className="field__error">{errorMessage}</FieldError>
    </TextField>
  );
}
