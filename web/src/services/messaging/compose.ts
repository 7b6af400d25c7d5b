import type { AddressView, MessageAttachment, MessageView } from '@preau/contracts';
import type { ChosenAddress } from './components/RecipientPicker';

export type ComposeMode = 'new' | 'reply' | 'replyAll' | 'forward' | 'draft';

export type ComposeState = {
  to: ChosenAddress[];
  cc: ChosenAddress[];
  bcc: ChosenAddress[];
  subject: string;
  body: string;
  noReply: boolean;
  attachments: MessageAttachment[];
  replyTo?: string;
  forwardOf?: string;
};

const EMPTY: ComposeState = { to: [], cc: [], bcc: [], subject: '', body: '', noReply: false, attachments: [] };

const chosen = (a: AddressView): ChosenAddress => ({ type: a.type, id: a.id, label: a.label });
const unique = (list: ChosenAddress[]) => list.filter((a, i) => list.findIndex((b) => b.type === a.type && b.id === a.id) === i);

function prefixed(prefix: string, subject: string): string {
  return subject.toLowerCase().startsWith(prefix.toLowerCase()) ? subject : `${prefix} ${subject}`;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The form's starting point: empty, a draft as saved, or a reply / reply-all / forward of a message
 * (the original quoted below). The server still checks every address when the message is sent.
 */
export function initialCompose(mode: ComposeMode, message: MessageView | undefined, myId: string, quoteHeader: (from: string, date: string) => string): ComposeState {
  if (!message || mode === 'new') return EMPTY;
  if (mode === 'draft') {
    return { to: message.to.map(chosen), cc: message.cc.map(chosen), bcc: message.bcc.map(chosen), subject: message.subject, body: message.body, noReply: message.noReply, attachments: message.attachments };
  }
  const quote = `<p></p><p>${escapeText(quoteHeader(message.from.displayName, message.sentAt ?? message.updatedAt))}</p><blockquote>${message.body}</blockquote>`;
  if (mode === 'forward') {
    return { ...EMPTY, subject: prefixed('Tr :', message.subject), body: quote, attachments: message.attachments, forwardOf: message.id };
  }
  const author: ChosenAddress = { type: 'person', id: message.from.id, label: message.from.displayName };
  const mine = message.from.id === myId;
  const notMe = (a: ChosenAddress) => !(a.type === 'person' && a.id === myId);
  let to: ChosenAddress[] = mine ? message.to.map(chosen) : [author];
  let cc: ChosenAddress[] = [];
  if (mode === 'replyAll') {
    to = unique([...to, ...message.to.map(chosen)]).filter(notMe);
    cc = unique(message.cc.map(chosen)).filter(notMe);
  }
  return { ...EMPTY, to, cc, subject: prefixed('Re :', message.subject), body: quote, replyTo: message.id };
}
