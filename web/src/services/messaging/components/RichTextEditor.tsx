import { useEffect, useId, useRef } from 'react';
import { Button, Toolbar } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

/**
 * A small rich-text field: a labelled contenteditable textbox and a toolbar (bold, italic, list,
 * link). What it produces is only a proposal: the server keeps an allow-list of tags and drops the rest.
 */
export function RichTextEditor({ label, initialHtml, onChange }: { label: string; initialHtml: string; onChange: (html: string) => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const labelId = useId();
  const hintId = useId();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the content is set once per draft loaded; then the editor owns it
  useEffect(() => {
    if (ref.current) ref.current.innerHTML = initialHtml;
  }, [initialHtml]);
  const run = (command: string, value?: string) => {
    ref.current?.focus();
    document.execCommand(command, false, value);
    onChange(ref.current?.innerHTML ?? '');
  };
  return (
    <div className="field editor">
      <span id={labelId} className="field__label">
        {label}
      </span>
      <span id={hintId} className="field__description">
        {t('messaging.compose.bodyHint')}
      </span>
      <Toolbar className="editor__toolbar" aria-label={label}>
        <Button className="button button--quiet editor__tool" onPress={() => run('bold')} aria-label={t('messaging.compose.bold')}>
          <strong aria-hidden="true">G</strong>
        </Button>
        <Button className="button button--quiet editor__tool" onPress={() => run('italic')} aria-label={t('messaging.compose.italic')}>
          <em aria-hidden="true">I</em>
        </Button>
        <Button className="button button--quiet editor__tool" onPress={() => run('insertUnorderedList')} aria-label={t('messaging.compose.list')}>
          <span aria-hidden="true">•≡</span>
        </Button>
        <Button
          className="button button--quiet editor__tool"
          onPress={() => {
            const url = window.prompt(t('messaging.compose.linkPrompt'), 'https://');
            if (url && /^(https?:|mailto:)/i.test(url)) run('createLink', url);
          }}
          aria-label={t('messaging.compose.link')}
        >
          <svg viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" aria-hidden="true" focusable="false">
            <path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1" />
            <path d="M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1" />
          </svg>
        </Button>
      </Toolbar>
      {/* biome-ignore lint/a11y/useSemanticElements: a rich-text field has no native element; role=textbox is the documented pattern */}
      <div
        ref={ref}
        className="field__input editor__area"
        contentEditable
        role="textbox"
        tabIndex={0}
        aria-multiline="true"
        aria-labelledby={labelId}
        aria-describedby={hintId}
        onInput={() => onChange(ref.current?.innerHTML ?? '')}
        suppressContentEditableWarning
      />
    </div>
  );
}
