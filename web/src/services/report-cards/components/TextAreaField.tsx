import { FieldError, Label, Text, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

type Props = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  max: number;
  /** In a table row the column header says what it is: the label is for screen readers only. */
  hideLabel?: boolean;
  rows?: number;
};

/** A labelled multi-line field that counts characters and says so when the text is too long. */
export function TextAreaField({ label, value, onChange, max, hideLabel, rows = 2 }: Props) {
  const { t } = useTranslation();
  const tooLong = value.trim().length > max;
  return (
    <TextField className="field" value={value} onChange={onChange} isInvalid={tooLong} validationBehavior="aria">
      <Label className={hideLabel ? 'visually-hidden' : 'field__label'}>{label}</Label>
      <TextArea className="field__input field__textarea" rows={rows} />
      <Text slot="description" className="field__description">
        {t('reportCards.chars', { count: value.trim().length, max })}
      </Text>
      <FieldError className="field__error">{tooLong ? t('reportCards.tooLong', { max }) : null}</FieldError>
    </TextField>
  );
}
