import type { MessageInput } from '@preau/contracts';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../../../app/session';
import { useErrorMessage } from '../../../lib/error-messages';
import { useFormatDateTime } from '../../../lib/format';
import { BusyButton } from '../../../lib/ui/BusyButton';
import { CheckboxInput } from '../../../lib/ui/CheckboxInput';
import { Notice } from '../../../lib/ui/Notice';
import { Loading, Page } from '../../../lib/ui/Page';
import { TextInput } from '../../../lib/ui/TextInput';
import { saveMessage, useMailbox, useRefreshMailbox, useThread } from '../api';
import { AttachmentsField } from '../components/AttachmentsField';
import { RecipientPicker } from '../components/RecipientPicker';
import { RichTextEditor } from '../components/RichTextEditor';
import { type ComposeMode, type ComposeState, initialCompose } from '../compose';
import '../messaging.css';

function modeOf(params: URLSearchParams): { mode: ComposeMode; messageId?: string } {
  if (params.get('brouillon')) return { mode: 'draft', messageId: params.get('brouillon') ?? undefined };
  if (params.get('transfert')) return { mode: 'forward', messageId: params.get('transfert') ?? undefined };
  if (params.get('reponse')) return { mode: params.get('tous') ? 'replyAll' : 'reply', messageId: params.get('reponse') ?? undefined };
  return { mode: 'new' };
}

/** /messagerie/nouveau: a new message, a reply (?reponse=id[&tous=1]), a forward (?transfert=id) or a draft (?brouillon=id). */
export function ComposePage() {
  const { t } = useTranslation();
  const { me, membership } = useSession();
  const establishmentId = membership?.establishment.id ?? null;
  const [params] = useSearchParams();
  const { mode, messageId } = modeOf(params);
  const source = useThread(establishmentId, messageId);
  const mailbox = useMailbox(establishmentId);
  const formatDateTime = useFormatDateTime();
  const title = t(`messaging.compose.${mode === 'reply' || mode === 'replyAll' ? 'replyTitle' : mode === 'forward' ? 'forwardTitle' : mode === 'draft' ? 'draftTitle' : 'title'}`);

  if (!establishmentId) return <Page title={title}><Notice tone="info">{t('messaging.noAccess')}</Notice></Page>;
  if (messageId && source.isPending) return <Page title={title}><Loading /></Page>;
  const original = source.data?.messages.find((m) => m.id === messageId);
  const initial = initialCompose(mode, original, me.id, (from, date) => t('messaging.compose.reOriginal', { from, date: formatDateTime(date) }));
  return (
    <Page title={title}>
      {source.isError ? <Notice tone="error">{t('errors.messaging.message_not_found')}</Notice> : null}
      <ComposeForm
        key={`${mode}:${messageId ?? ''}:${original ? 'loaded' : ''}`}
        establishmentId={establishmentId}
        initial={initial}
        draftId={mode === 'draft' ? messageId : undefined}
        canAnnounce={mailbox.data?.canAnnounce ?? false}
      />
    </Page>
  );
}

function ComposeForm({ establishmentId, initial, draftId, canAnnounce }: { establishmentId: string; initial: ComposeState; draftId?: string; canAnnounce: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const refresh = useRefreshMailbox();
  const [state, setState] = useState<ComposeState>(initial);
  const [showCopies, setShowCopies] = useState(initial.cc.length + initial.bcc.length > 0);
  const [savedDraftId, setSavedDraftId] = useState(draftId);
  const [status, setStatus] = useState('');
  const set = <K extends keyof ComposeState>(key: K, value: ComposeState[K]) => setState((s) => ({ ...s, [key]: value }));

  const save = useMutation({
    mutationFn: (draft: boolean) => {
      const strip = (list: ComposeState['to']) => list.map(({ type, id }) => ({ type, id }));
      const input: MessageInput = {
        subject: state.subject,
        body: state.body,
        to: strip(state.to),
        cc: strip(state.cc),
        bcc: strip(state.bcc),
        noReply: state.noReply,
        replyTo: state.replyTo,
        forwardOf: state.forwardOf,
        attachmentIds: state.attachments.map((a) => a.id),
        draft,
      };
      return saveMessage(establishmentId, input, savedDraftId);
    },
    onSuccess: async (saved) => {
      await refresh();
      if (saved.state === 'draft') {
        setSavedDraftId(saved.id);
        setStatus(t('messaging.compose.draftSaved'));
        return;
      }
      navigate('/messagerie/dossier/sent', { state: { notice: t('messaging.compose.sent', { count: saved.recipientCount }) } });
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!save.isPending) save.mutate(false);
  };

  return (
    <Form className="form compose card" onSubmit={submit} validationBehavior="aria">
      {save.error ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
      <RecipientPicker establishmentId={establishmentId} label={t('messaging.compose.to')} value={state.to} onChange={(v) => set('to', v)} />
      {showCopies ? (
        <>
          <RecipientPicker establishmentId={establishmentId} label={t('messaging.compose.cc')} value={state.cc} onChange={(v) => set('cc', v)} />
          <RecipientPicker establishmentId={establishmentId} label={t('messaging.compose.bcc')} value={state.bcc} onChange={(v) => set('bcc', v)} />
        </>
      ) : (
        <Button className="button button--quiet compose__copies" onPress={() => setShowCopies(true)}>
          {t('messaging.compose.showCc')}
        </Button>
      )}
      <TextInput label={t('messaging.compose.subject')} name="subject" value={state.subject} onChange={(v) => set('subject', v)} maxLength={200} isRequired />
      <RichTextEditor label={t('messaging.compose.body')} initialHtml={initial.body} onChange={(html) => set('body', html)} />
      <AttachmentsField establishmentId={establishmentId} value={state.attachments} onChange={(v) => set('attachments', v)} />
      {canAnnounce && !state.replyTo ? (
        <CheckboxInput name="noReply" label={t('messaging.compose.noReply')} description={t('messaging.compose.noReplyHint')} isSelected={state.noReply} onChange={(v) => set('noReply', v)} />
      ) : null}
      <p role="status" className="compose__status">
        {status}
      </p>
      <div className="compose__actions">
        <BusyButton type="submit" className="button button--primary" busy={save.isPending}>
          {t('messaging.compose.send')}
        </BusyButton>
        <BusyButton className="button button--secondary" busy={save.isPending} onPress={() => save.mutate(true)}>
          {t('messaging.compose.saveDraft')}
        </BusyButton>
      </div>
    </Form>
  );
}
