import type { ActivationReset } from '@preau/contracts';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatDateTime } from '../../../lib/format';

/** The new credentials, focused when they appear so keyboard and screen-reader users land on them. */
export function ResetResult({ name, reset }: { name: string; reset: ActivationReset }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const ref = useRef<HTMLElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus again for each new reset shown
  useEffect(() => ref.current?.focus(), [reset]);
  return (
    <section ref={ref} tabIndex={-1} aria-labelledby="reset-title" className="notice notice--success reset-result">
      <h2 id="reset-title">{t('admin.done.title', { name })}</h2>
      <p>{t('admin.done.body')}</p>
      <dl className="details">
        <dt>{t('admin.done.login')}</dt>
        <dd id="reset-login" className="code">
          {reset.login}
        </dd>
        <dt>{t('admin.done.code')}</dt>
        <dd id="reset-code" className="code">
          {reset.activationCode}
        </dd>
        <dt>{t('admin.done.expiresAt')}</dt>
        <dd>{formatDateTime(reset.expiresAt)}</dd>
      </dl>
    </section>
  );
}
