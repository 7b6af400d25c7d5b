import type { MessageView } from '@preau/contracts';
import { describe, expect, it } from 'vitest';
import { initialCompose } from './compose';

const message: MessageView = {
  id: 'm1',
  conversationId: 'c1',
  parentId: null,
  subject: 'Sortie',
  body: '<p>Départ à 8 h</p>',
  from: { id: 'theo', displayName: 'Théo PETIT' },
  to: [
    { type: 'group_relatives', id: '5b', label: 'Parents de 5B' },
    { type: 'person', id: 'me', label: 'Moi' },
  ],
  cc: [{ type: 'person', id: 'carl', label: 'Carl BLANC' }],
  bcc: [],
  state: 'sent',
  role: 'to',
  sentAt: '2026-11-25T10:00:00.000Z',
  updatedAt: '2026-11-25T10:00:00.000Z',
  readAt: null,
  noReply: false,
  recipientCount: 20,
  attachments: [{ id: 'f1', name: 'a.pdf', mediaType: 'application/pdf', size: 3 }],
  canReply: true,
  folder: 'inbox',
};
const header = (from: string) => `${from} a écrit :`;

describe('initialCompose', () => {
  it('answers the author only, quoting the original', () => {
    const state = initialCompose('reply', message, 'me', header);
    expect(state.to).toEqual([{ type: 'person', id: 'theo', label: 'Théo PETIT' }]);
    expect(state.cc).toEqual([]);
    expect(state.subject).toBe('Re : Sortie');
    expect(state.replyTo).toBe('m1');
    expect(state.body).toContain('<blockquote><p>Départ à 8 h</p></blockquote>');
  });

  it('answers everyone but oneself, copies kept in copy', () => {
    const state = initialCompose('replyAll', message, 'me', header);
    expect(state.to.map((a) => a.id)).toEqual(['theo', '5b']);
    expect(state.cc.map((a) => a.id)).toEqual(['carl']);
  });

  it('forwards with the attachments and no recipient', () => {
    const state = initialCompose('forward', { ...message, subject: 'Tr : Sortie' }, 'me', header);
    expect(state).toMatchObject({ to: [], subject: 'Tr : Sortie', forwardOf: 'm1', attachments: message.attachments });
    expect(state.replyTo).toBeUndefined();
  });
});
