import { useId } from 'react';

type FileFieldProps = {
  label: string;
  description: string;
  accept?: string;
  files: File[];
  onChange: (files: File[]) => void;
  errorMessage?: string | null;
  selectedText?: string;
};

/**
 * A native file input: the browser's own picker is the one keyboard, screen readers and drag and
 * drop already know; label, help and error are linked to it by hand.
 */
export function FileField({ label, description, accept, files, onChange, errorMessage, selectedText }: FileFieldProps) {
  const id = useId();
  const describedBy = [`${id}-description`, errorMessage ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
        <span aria-hidden="true"> *</span>
      </label>
      <p id={`${id}-description`} className="field__description">
        {description}
      </p>
      <input
        id={id}
        className="field__input field__file"
        type="file"
        name="files"
        multiple
        accept={accept}
        required // announced as required; the form's noValidate leaves the check to onSubmit
        aria-invalid={errorMessage ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange([...(event.target.files ?? [])])}
      />
      {files.length && selectedText ? <p className="field__description">{selectedText}</p> : null}
      {errorMessage ? (
        <p id={`${id}-error`} className="field__error">
          {errorMessage}
        </p>
      ) : null}
    </div>
  );
}
