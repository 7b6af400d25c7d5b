import type { MessageAttachment } from '@preau/contracts';
import { useState } from 'react';
import { Button, FileTrigger } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../lib/error-messages';
import { uploadAttachment } from '../api';
import { formatSize } from './format-size';

/** Files attached to the message being written: each is uploaded at once (it counts towards the quota). */
export function AttachmentsField({ establishmentId, value, onChange }: { establishmentId: string; value: MessageAttachment[]; onChange: (next: MessageAttachment[]) => void }) {
  const { t, i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const [uploading, setUploading] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const add = async (files: FileList | null) => {
    let next = value;
    for (const file of Array.from(files ?? [])) {
      setUploading(file.name);
      setError(null);
      try {
        next = [...next, await uploadAttachment(establishmentId, file)];
        onChange(next);
      } catch (e) {
        setError(errorMessage(e));
      }
    }
    setUploading(null);
  };
  return (
    <div className="field attachments">
      <FileTrigger allowsMultiple onSelect={add}>
        <Button className="button button--secondary">{t('messaging.compose.attach')}</Button>
      </FileTrigger>
      <span className="field__description">{t('messaging.compose.attachHint')}</span>
      <p role="status" className="attachments__status">
        {uploading ? t('messaging.compose.uploading', { name: uploading }) : ''}
      </p>
      {error ? <p className="field__error" role="alert">{error}</p> : null}
      {value.length > 0 ? (
        <ul className="attachments__list">
          {value.map((f) => (
            <li key={f.id}>
              <span>
                {f.name} <span className="muted">({formatSize(f.size, i18n.language)})</span>
              </span>
              <Button className="button button--quiet" aria-label={t('messaging.compose.removeAttachment', { name: f.name })} onPress={() => onChange(value.filter((x) => x.id !== f.id))}>
                <span aria-hidden="true">×</span>
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
