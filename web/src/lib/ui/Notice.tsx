import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';

type NoticeProps = { tone: 'error' | 'success' | 'info'; title?: string; children: ReactNode; id?: string };

/**
 * A message block. Errors use role="alert" so screen readers announce them at once; other tones
 * use role="status" (polite).
 */
export function Notice({ tone, title, children, id }: NoticeProps) {
  return (
    <div id={id} className={`notice notice--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {title ? <p className="notice__title">{title}</p> : null}
      <div>{children}</div>
    </div>
  );
}

/** Explains the asterisk once per form (RGAA 11.10: required fields must be indicated). */
export function RequiredNote() {
  const { t } = useTranslation();
  return <p className="required-note">{t('common.requiredNote')}</p>;
}
