import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../kernel/db/test-databases.js';
import { type LoggedIn, loginAs, testApp } from '../../kernel/testing/test-app.js';
import { insertWorld } from '../../kernel/testing/world.js';
import { messagingWorld } from './testing/world.js';

type Address = { type: 'person' | 'group' | 'group_relatives'; id: string };
const person = (id: string): Address => ({ type: 'person', id });

describeEachDatabase('messaging', (database) => {
  let env: Awaited<ReturnType<typeof testApp>>;
  const sessions = new Map<string, LoggedIn>();
  const as = async (login: string) => {
    let s = sessions.get(login);
    if (!s) {
      s = await loginAs(env.app, login);
      sessions.set(login, s);
    }
    return s;
  };
  const api = async (login: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, payload?: object) =>
    env.app.inject({ method, url: `/api/messaging/establishments/etab-a${path}`, headers: (await as(login)).headers, payload });
  const send = async (login: string, message: object) => {
    const res = await api(login, 'POST', '/messages', { subject: 'Sujet', body: '<p>Texte</p>', ...message });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; conversationId: string; recipientCount: number };
  };
  const folder = async (login: string, name: string, q = '') => (await api(login, 'GET', `/messages?folder=${name}&q=${encodeURIComponent(q)}`)).json().items;
  const mailbox = async (login: string) => (await api(login, 'GET', '/mailbox')).json();
  const unread = async (login: string) => (await mailbox(login)).system.find((f: { id: string }) => f.id === 'inbox').unread;

  it('sets up', async () => {
    await insertWorld(database().db, messagingWorld);
    env = await testApp(database());
  });

  it('sends to "the parents of 5B": expanded at send time, one mailbox row each, an event for them', async () => {
    const sent = await send('theo.petit', { subject: 'Réunion parents-professeurs', body: '<p>Jeudi à 18 h</p>', to: [{ type: 'group_relatives', id: 'a-5b' }] });
    expect(sent.recipientCount).toBe(2);
    const inbox = await folder('remi.martin', 'inbox');
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ subject: 'Réunion parents-professeurs', from: { id: 'theo', displayName: 'Théo PETIT' }, to: ['Parents de 5B'], read: false, preview: 'Jeudi à 18 h' });
    expect(await unread('bea.durand')).toBe(1);
    expect(await folder('alice.martin', 'inbox')).toEqual([]);
    expect((await folder('theo.petit', 'sent'))[0]).toMatchObject({ id: sent.id, role: 'author', recipientCount: 2 });
    const event = await database().db.selectFrom('outbox_events').select(['type', 'resource_id', 'recipient_count']).where('resource_id', '=', sent.conversationId).executeTakeFirst();
    expect(event).toEqual({ type: 'message.received', resource_id: sent.conversationId, recipient_count: 2 });
  });

  it('threads replies, lets a person answer whoever wrote to them, and tracks who read', async () => {
    // Théo may write to Chloé (not his pupil); she may not start a conversation with him, but may answer.
    const first = await send('theo.petit', { subject: 'Ton exposé', to: [person('chloe')] });
    const refused = await api('chloe.lefevre', 'POST', '/messages', { subject: 'Question', body: 'x', to: [person('theo')] });
    expect(refused.statusCode).toBe(403);
    let receipts = (await api('theo.petit', 'GET', `/messages/${first.id}/receipts`)).json();
    expect(receipts).toMatchObject({ total: 1, read: 0, items: [{ person: { id: 'chloe' }, role: 'to', readAt: null }] });

    const opened = await api('chloe.lefevre', 'GET', `/messages/${first.id}`);
    expect(opened.json().messages).toHaveLength(1);
    expect(opened.json().messages[0]).toMatchObject({ canReply: true, folder: 'inbox', readAt: '2026-11-25T10:00:00.000Z' });
    receipts = (await api('theo.petit', 'GET', `/messages/${first.id}/receipts`)).json();
    expect(receipts).toMatchObject({ total: 1, read: 1, items: [{ readAt: '2026-11-25T10:00:00.000Z' }] });

    env.clock.advance(60_000);
    const reply = await send('chloe.lefevre', { subject: 'Re: Ton exposé', body: '<p>Merci !</p>', to: [person('theo')], replyTo: first.id });
    expect(reply.conversationId).toBe(first.conversationId);
    env.clock.advance(60_000);
    await send('theo.petit', { subject: 'Re: Ton exposé', to: [person('chloe')], replyTo: reply.id });
    const thread = (await api('theo.petit', 'GET', `/messages/${reply.id}`)).json();
    expect(thread.conversation).toMatchObject({ id: first.conversationId, subject: 'Ton exposé', noReply: false });
    expect(thread.messages.map((m: { from: { id: string }; role: string }) => `${m.from.id}:${m.role}`)).toEqual(['theo:author', 'chloe:to', 'theo:author']);
    expect(thread.messages[1].parentId).toBe(first.id);
    // The timeline links to the conversation: it opens at the latest message Chloé holds.
    const byConversation = (await api('chloe.lefevre', 'GET', `/conversations/${first.conversationId}`)).json();
    expect(byConversation.focusId).not.toBe(first.id);
    expect(byConversation.messages).toHaveLength(3);
    expect((await api('bob.durand', 'GET', `/conversations/${first.conversationId}`)).statusCode).toBe(404);
    // Others can neither open the thread nor its receipts.
    expect((await api('bob.durand', 'GET', `/messages/${first.id}`)).statusCode).toBe(404);
    expect((await api('chloe.lefevre', 'GET', `/messages/${first.id}/receipts`)).statusCode).toBe(404);
    // Reading the thread marked everything Théo received in it as read.
    expect((await folder('theo.petit', 'inbox')).find((m: { id: string }) => m.id === reply.id).read).toBe(true);
  });

  it('keeps announcements unanswerable and reserves them to teachers and staff', async () => {
    const notice = await send('carl.blanc', { subject: 'Fermeture du CDI', to: [{ type: 'group', id: 'a-5b' }], noReply: true });
    const view = (await api('bob.durand', 'GET', `/messages/${notice.id}`)).json();
    expect(view.messages[0]).toMatchObject({ noReply: true, canReply: false });
    const answer = await api('bob.durand', 'POST', '/messages', { subject: 'Re', body: 'x', to: [person('carl')], replyTo: notice.id });
    expect(answer.statusCode).toBe(403);
    expect(answer.json().error.code).toBe('messaging.replies_closed');
    const byStudent = await api('alice.martin', 'POST', '/messages', { subject: 'Annonce', body: 'x', to: [person('bob')], noReply: true });
    expect(byStudent.json().error.code).toBe('messaging.announce_forbidden');
    expect((await mailbox('alice.martin')).canAnnounce).toBe(false);
    expect((await mailbox('carl.blanc')).canAnnounce).toBe(true);
  });

  it('hides blind copies from everyone but the author', async () => {
    const sent = await send('theo.petit', { subject: 'Copie cachée', to: [person('bob')], cc: [person('tina')], bcc: [person('carl'), person('bob')] });
    expect(sent.recipientCount).toBe(3);
    const ofBob = (await api('bob.durand', 'GET', `/messages/${sent.id}`)).json().messages[0];
    expect(ofBob).toMatchObject({ role: 'to', bcc: [], cc: [{ type: 'person', id: 'tina', label: 'Tina ROUX' }] });
    const ofCarl = (await api('carl.blanc', 'GET', `/messages/${sent.id}`)).json().messages[0];
    expect(ofCarl).toMatchObject({ role: 'bcc', bcc: [{ id: 'carl' }] });
    const ofTheo = (await api('theo.petit', 'GET', `/messages/${sent.id}`)).json().messages[0];
    expect(ofTheo.bcc.map((a: { id: string }) => a.id)).toEqual(['carl', 'bob']);
    expect((await folder('tina.roux', 'inbox'))[0].to).toEqual(['Bob DURAND', 'Tina ROUX']);
  });

  it('keeps drafts private until they are sent, then they cannot change', async () => {
    const draft = (await api('alice.martin', 'POST', '/messages', { subject: '', body: '<p>Brouillon</p>', to: [person('bob')], draft: true })).json();
    expect(draft.state).toBe('draft');
    expect((await folder('alice.martin', 'drafts')).map((m: { id: string }) => m.id)).toEqual([draft.id]);
    expect(await folder('bob.durand', 'inbox')).not.toContainEqual(expect.objectContaining({ id: draft.id }));
    expect((await api('bob.durand', 'GET', `/messages/${draft.id}`)).statusCode).toBe(404);
    const noSubject = await api('alice.martin', 'PUT', `/messages/${draft.id}`, { subject: '', body: 'x', to: [person('bob')] });
    expect(noSubject.json().error.code).toBe('messaging.empty_subject');
    const sent = await api('alice.martin', 'PUT', `/messages/${draft.id}`, { subject: 'Devoirs', body: '<p>Tu as les devoirs ?</p>', to: [person('bob')] });
    expect(sent.json()).toMatchObject({ id: draft.id, state: 'sent', recipientCount: 1 });
    expect(await folder('alice.martin', 'drafts')).toEqual([]);
    expect((await folder('bob.durand', 'inbox')).map((m: { id: string }) => m.id)).toContain(draft.id);
    const again = await api('alice.martin', 'PUT', `/messages/${draft.id}`, { subject: 'Devoirs', body: 'x', to: [person('bob')] });
    expect(again.statusCode).toBe(409);
    expect((await api('bob.durand', 'PUT', `/messages/${draft.id}`, { subject: 'x', body: 'x', to: [] })).statusCode).toBe(404);
    // The same draft sent twice at once (two tabs): one send, one 409, one mailbox row for Bob.
    const twice = (await api('alice.martin', 'POST', '/messages', { subject: 'Deux fois', body: 'x', to: [person('bob')], draft: true })).json();
    const results = await Promise.all([1, 2].map(() => api('alice.martin', 'PUT', `/messages/${twice.id}`, { subject: 'Deux fois', body: 'x', to: [person('bob')] })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const rows = await database().db.selectFrom('mailbox_items').select('person_id').where('message_id', '=', twice.id).where('role', '!=', 'author').execute();
    expect(rows).toEqual([{ person_id: 'bob' }]);
    const empty = await api('alice.martin', 'POST', '/messages', { subject: 'Rien', body: 'x', to: [] });
    expect(empty.json().error.code).toBe('communication.no_recipient');
  });

  it('files messages in folders, trash and back, with unread counts; deleting from the trash removes it', async () => {
    const a = await send('carl.blanc', { subject: 'Sortie au musée', to: [person('bob')] });
    const created = await api('bob.durand', 'POST', '/folders', { name: 'Sorties' });
    expect(created.statusCode).toBe(201);
    const folderId = created.json().id;
    expect((await api('bob.durand', 'POST', '/folders', { name: 'Sorties' })).statusCode).toBe(409);
    expect((await api('bob.durand', 'POST', `/messages/${a.id}/move`, { folder: folderId })).statusCode).toBe(204);
    let box = await mailbox('bob.durand');
    expect(box.folders).toEqual([{ id: folderId, name: 'Sorties', unread: 1, total: 1 }]);
    expect((await folder('bob.durand', folderId)).map((m: { id: string }) => m.id)).toEqual([a.id]);
    expect(await folder('bob.durand', 'inbox')).not.toContainEqual(expect.objectContaining({ id: a.id }));
    await api('bob.durand', 'POST', `/messages/${a.id}/read`, { read: true });
    box = await mailbox('bob.durand');
    expect(box.folders[0].unread).toBe(0);
    // Nobody else may use Bob's folder.
    expect((await api('alice.martin', 'GET', `/messages?folder=${folderId}`)).statusCode).toBe(404);
    expect((await api('alice.martin', 'DELETE', `/folders/${folderId}`)).statusCode).toBe(404);
    await api('bob.durand', 'PATCH', `/folders/${folderId}`, { name: 'Sorties scolaires' });
    await api('bob.durand', 'DELETE', `/folders/${folderId}`);
    expect((await folder('bob.durand', 'inbox')).map((m: { id: string }) => m.id)).toContain(a.id);

    expect((await api('bob.durand', 'DELETE', `/messages/${a.id}`)).json()).toEqual({ outcome: 'trashed' });
    expect((await folder('bob.durand', 'trash')).map((m: { id: string }) => m.id)).toEqual([a.id]);
    await api('bob.durand', 'POST', `/messages/${a.id}/move`, { folder: 'inbox' });
    await api('bob.durand', 'DELETE', `/messages/${a.id}`);
    expect((await api('bob.durand', 'DELETE', `/messages/${a.id}`)).json()).toEqual({ outcome: 'deleted' });
    expect((await api('bob.durand', 'GET', `/messages/${a.id}`)).statusCode).toBe(404);
    expect(await database().db.selectFrom('messages').select('id').where('id', '=', a.id).executeTakeFirst()).toBeDefined();
    await api('carl.blanc', 'DELETE', `/messages/${a.id}`);
    await api('carl.blanc', 'DELETE', `/messages/${a.id}`);
    expect(await database().db.selectFrom('messages').select('id').where('id', '=', a.id).executeTakeFirst()).toBeUndefined();
  });

  it('empties the trash: messages nobody else keeps are gone, others stay with their other holders', async () => {
    const shared = await send('carl.blanc', { subject: 'Gardé par Carl', to: [person('gaston')] });
    const alone = await send('carl.blanc', { subject: 'Seul', to: [person('gaston')] });
    await api('carl.blanc', 'DELETE', `/messages/${alone.id}`);
    for (const m of [shared, alone]) await api('gaston.henry', 'DELETE', `/messages/${m.id}`);
    expect((await folder('gaston.henry', 'trash')).length).toBeGreaterThanOrEqual(2);
    const res = await api('gaston.henry', 'POST', '/trash/empty');
    expect(res.json().removed).toBeGreaterThanOrEqual(2);
    expect(await folder('gaston.henry', 'trash')).toEqual([]);
    // Gaston deleted it for good, yet Carl's receipts still say Gaston received (and read) it.
    const receipts = (await api('carl.blanc', 'GET', `/messages/${shared.id}/receipts`)).json();
    expect(receipts).toMatchObject({ total: 1, items: [{ person: { id: 'gaston' } }] });
    expect((await api('gaston.henry', 'GET', `/messages/${shared.id}`)).statusCode).toBe(404);
    expect((await mailbox('gaston.henry')).system.find((f: { id: string }) => f.id === 'trash')).toMatchObject({ total: 0, unread: 0 });
    // Carl still has the first in his sent folder; the second is still in his trash, so it exists.
    expect((await folder('carl.blanc', 'sent')).map((m: { id: string }) => m.id)).toContain(shared.id);
    await api('carl.blanc', 'POST', '/trash/empty');
    expect(await database().db.selectFrom('messages').select('id').where('id', '=', alone.id).executeTakeFirst()).toBeUndefined();
    expect(await database().db.selectFrom('messages').select('id').where('id', '=', shared.id).executeTakeFirst()).toBeDefined();
  });

  it('searches one’s own messages, accents ignored, and no one else’s', async () => {
    await send('tina.roux', { subject: 'Évaluation de français', body: '<p>Le contrôle portera sur Molière.</p>', to: [person('chloe')] });
    expect((await folder('chloe.lefevre', 'inbox', 'moliere')).map((m: { subject: string }) => m.subject)).toEqual(['Évaluation de français']);
    expect(await folder('chloe.lefevre', 'inbox', 'evaluation roux')).toHaveLength(1);
    expect(await folder('chloe.lefevre', 'inbox', 'piscine')).toEqual([]);
    expect(await folder('bob.durand', 'inbox', 'moliere')).toEqual([]);
  });

  it('stores rich text sanitised', async () => {
    const sent = await send('theo.petit', {
      to: [person('bob')],
      body: '<p onclick="steal()">Bonjour <strong>Bob</strong><script>alert(1)</script> <a href="javascript:alert(1)">piège</a> <a href="https://example.org">lien</a><img src="https://tracker.example/x.gif"></p>',
    });
    const body = (await api('bob.durand', 'GET', `/messages/${sent.id}`)).json().messages[0].body;
    expect(body).toBe('<p>Bonjour <strong>Bob</strong> <a target="_blank" rel="noopener noreferrer">piège</a> <a href="https://example.org" target="_blank" rel="noopener noreferrer">lien</a></p>');
  });

  it('refuses another establishment and bad input', async () => {
    const hugo = await as('hugo.bonnet');
    expect((await env.app.inject({ method: 'GET', url: '/api/messaging/establishments/etab-a/mailbox', headers: hugo.headers })).statusCode).toBe(403);
    const own = await send('theo.petit', { to: [person('bob')] });
    expect((await env.app.inject({ method: 'GET', url: `/api/messaging/establishments/etab-b/messages/${own.id}`, headers: (await as('remi.martin')).headers })).statusCode).toBe(404);
    const sarah = await as('sarah.admin');
    expect((await env.app.inject({ method: 'GET', url: `/api/messaging/establishments/etab-a/messages/${own.id}`, headers: sarah.headers })).statusCode).toBe(404);
    const bad = await api('theo.petit', 'POST', '/messages', { subject: 'x'.repeat(300), to: [{ type: 'class', id: 'a-5b' }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation.failed');
    expect((await api('theo.petit', 'GET', '/messages?folder=unknown')).statusCode).toBe(404);
    expect((await api('theo.petit', 'GET', '/messages?cursor=zzz')).statusCode).toBe(400);
    const noCsrf = await env.app.inject({ method: 'POST', url: '/api/messaging/establishments/etab-a/messages', headers: { cookie: (await as('theo.petit')).cookie }, payload: { subject: 'x', to: [person('bob')] } });
    expect(noCsrf.statusCode).toBe(403);
  });

  it('pages a folder newest first with a cursor', async () => {
    for (let i = 0; i < 5; i++) {
      env.clock.advance(1000);
      await send('helene.garnier', { subject: `Note ${i}`, to: [person('gaston')] });
    }
    const first = (await api('gaston.henry', 'GET', '/messages?limit=3')).json();
    expect(first.items.map((m: { subject: string }) => m.subject)).toEqual(['Note 4', 'Note 3', 'Note 2']);
    const second = (await api('gaston.henry', 'GET', `/messages?limit=3&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((m: { subject: string }) => m.subject)).toEqual(['Note 1', 'Note 0']);
    expect(second.nextCursor).toBeNull();
  });
});
