import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../kernel/db/test-databases.js';
import { type LoggedIn, loginAs, testApp } from '../../../kernel/testing/test-app.js';
import { insertWorld } from '../../../kernel/testing/world.js';
import { ATTACHMENT_QUOTA_BYTES } from '../messaging.policy.js';
import { messagingWorld } from '../testing/world.js';

function multipart(name: string, type: string, bytes: Buffer) {
  const boundary = '----preau-test-boundary';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, bytes, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}

describeEachDatabase('messaging attachments', (database) => {
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
  const upload = async (login: string, name: string, bytes: Buffer, type = 'application/pdf') => {
    const body = multipart(name, type, bytes);
    return env.app.inject({
      method: 'POST',
      url: '/api/messaging/establishments/etab-a/files',
      headers: { ...(await as(login)).headers, 'content-type': body.contentType },
      payload: body.payload,
    });
  };
  const download = async (login: string, fileId: string) =>
    env.app.inject({ method: 'GET', url: `/api/messaging/establishments/etab-a/files/${fileId}`, headers: (await as(login)).headers });

  it('stores an upload in the database and hands it to the recipients only', async () => {
    await insertWorld(database().db, messagingWorld);
    env = await testApp(database());
    const bytes = Buffer.from('%PDF-1.4 sortie scolaire');
    const up = await upload('theo.petit', 'Autorisation de sortie.pdf', bytes);
    expect(up.statusCode, up.body).toBe(201);
    const file = up.json();
    expect(file).toMatchObject({ name: 'Autorisation de sortie.pdf', mediaType: 'application/pdf', size: bytes.length });
    const sent = await env.app.inject({
      method: 'POST',
      url: '/api/messaging/establishments/etab-a/messages',
      headers: (await as('theo.petit')).headers,
      payload: { subject: 'Sortie', body: 'Ci-joint', to: [{ type: 'group_relatives', id: 'a-5b' }], attachmentIds: [file.id] },
    });
    expect(sent.statusCode).toBe(201);
    const got = await download('remi.martin', file.id);
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(bytes)).toBe(true);
    expect(got.headers['content-disposition']).toBe(`attachment; filename="Autorisation de sortie.pdf"; filename*=UTF-8''Autorisation%20de%20sortie.pdf`);
    const thread = (await env.app.inject({ method: 'GET', url: `/api/messaging/establishments/etab-a/messages/${sent.json().id}`, headers: (await as('bea.durand')).headers })).json();
    expect(thread.messages[0].attachments).toEqual([file]);
    expect((await env.app.inject({ method: 'GET', url: '/api/messaging/establishments/etab-a/messages?folder=inbox', headers: (await as('bea.durand')).headers })).json().items[0].hasAttachments).toBe(true);
    // Neither a stranger to the message nor someone of another establishment gets it.
    expect((await download('alice.martin', file.id)).statusCode).toBe(404);
    const hugo = await as('hugo.bonnet');
    expect((await env.app.inject({ method: 'GET', url: `/api/messaging/establishments/etab-a/files/${file.id}`, headers: hugo.headers })).statusCode).toBe(403);
    // Someone else's upload cannot be attached to one's own message.
    const stolen = await env.app.inject({
      method: 'POST',
      url: '/api/messaging/establishments/etab-a/messages',
      headers: (await as('alice.martin')).headers,
      payload: { subject: 'x', body: 'x', to: [{ type: 'person', id: 'bob' }], attachmentIds: [file.id] },
    });
    expect(stolen.json().error.code).toBe('messaging.file_not_found');
    // A forward carries the attachment along: Rémi may forward it to his daughter.
    const fwd = await env.app.inject({
      method: 'POST',
      url: '/api/messaging/establishments/etab-a/messages',
      headers: (await as('remi.martin')).headers,
      payload: { subject: 'Tr: Sortie', body: '', to: [{ type: 'person', id: 'alice' }], forwardOf: sent.json().id, attachmentIds: [file.id] },
    });
    expect(fwd.statusCode, fwd.body).toBe(201);
    expect((await download('alice.martin', file.id)).statusCode).toBe(200);
  });

  it('counts uploads against a quota and refuses files over 10 MB', async () => {
    const mailbox = async () => (await env.app.inject({ method: 'GET', url: '/api/messaging/establishments/etab-a/mailbox', headers: (await as('theo.petit')).headers })).json();
    expect((await mailbox()).quota).toEqual({ used: 24, limit: ATTACHMENT_QUOTA_BYTES });
    const big = await upload('theo.petit', 'film.mp4', Buffer.alloc(10 * 1024 * 1024 + 1), 'video/mp4');
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('messaging.file_too_large');
    // Fill the quota (a row standing for earlier uploads), then one byte more is refused.
    await database().db.insertInto('message_files').values({ id: 'filler', establishment_id: 'etab-a', owner_id: 'theo', name: 'x', media_type: 'x/x', size: ATTACHMENT_QUOTA_BYTES - 24, blob_id: 'none', created_at: '2026-11-25T10:00:00.000Z' }).execute();
    const over = await upload('theo.petit', 'note.txt', Buffer.from('x'), 'text/plain');
    expect(over.statusCode).toBe(413);
    expect(over.json().error.code).toBe('messaging.quota_exceeded');
    expect((await upload('tina.roux', 'note.txt', Buffer.from('x'), 'text/plain')).statusCode).toBe(201);
  });

  it('frees the space once nobody keeps the message', async () => {
    const db = database().db;
    await db.deleteFrom('message_files').where('id', '=', 'filler').execute();
    const up = (await upload('carl.blanc', 'menu.pdf', Buffer.from('menu'))).json();
    const sent = (
      await env.app.inject({
        method: 'POST',
        url: '/api/messaging/establishments/etab-a/messages',
        headers: (await as('carl.blanc')).headers,
        payload: { subject: 'Menu', body: 'x', to: [{ type: 'person', id: 'gaston' }], attachmentIds: [up.id] },
      })
    ).json();
    env.clock.advance(2 * 24 * 3600_000);
    sessions.clear(); // two days later, the sessions have expired
    for (const login of ['carl.blanc', 'gaston.henry']) {
      for (let i = 0; i < 2; i++) {
        const res = await env.app.inject({ method: 'DELETE', url: `/api/messaging/establishments/etab-a/messages/${sent.id}`, headers: (await as(login)).headers });
        expect(res.statusCode).toBe(200);
      }
    }
    expect(await db.selectFrom('message_files').select('id').where('id', '=', up.id).executeTakeFirst()).toBeUndefined();
    expect(await db.selectFrom('stored_blobs').select('id').where('size', '=', 4).executeTakeFirst()).toBeUndefined();
  });
});
