import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compose, smtpMailer } from './email.js';

/** Just enough SMTP (RFC 5321, no TLS, no auth) to receive what nodemailer sends. */
async function startSmtpServer() {
  const received: { from: string; to: string[]; data: string }[] = [];
  const server = createServer((socket: Socket) => {
    let buffer = '';
    let inData = false;
    let mail = { from: '', to: [] as string[], data: '' };
    socket.write('220 test ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (let cut = buffer.indexOf('\r\n'); cut >= 0; cut = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            received.push(mail);
            mail = { from: '', to: [], data: '' };
            socket.write('250 queued\r\n');
          } else mail.data += `${line.startsWith('..') ? line.slice(1) : line}\n`;
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250-test\r\n250 8BITMIME\r\n');
        else if (verb === 'MAIL') {
          mail.from = /<([^>]*)>/.exec(line)?.[1] ?? '';
          socket.write('250 ok\r\n');
        } else if (verb === 'RCPT') {
          mail.to.push(/<([^>]*)>/.exec(line)?.[1] ?? '');
          socket.write('250 ok\r\n');
        } else if (verb === 'DATA') {
          inData = true;
          socket.write('354 go on\r\n');
        } else if (verb === 'QUIT') {
          socket.end('221 bye\r\n');
        } else socket.write('250 ok\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { received, port: (server.address() as AddressInfo).port, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe('e-mail over SMTP (nodemailer, PREAU_SMTP_URL)', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(async () => {
    await smtp.close();
  });

  it('delivers a composed notification to the SMTP server named by the URL', async () => {
    const mailer = smtpMailer(`smtp://127.0.0.1:${smtp.port}`, 'Préau <ne-pas-repondre@college.example.org>');
    const item = {
      id: 'e1',
      type: 'message.received',
      service: 'messaging' as const,
      establishmentId: 'etab-a',
      actor: { id: 'theo', displayName: 'Théo PETIT' },
      resource: { kind: 'conversation', id: 'c-1' },
      summary: { subject: 'Sortie <au> musée' },
      createdAt: '2026-11-25T10:00:00.000Z',
      read: false,
    };
    await mailer.send(compose('alice@example.org', [item], 'https://ent.example.org'));
    mailer.close();
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail?.from).toBe('ne-pas-repondre@college.example.org');
    expect(mail?.to).toEqual(['alice@example.org']);
    // Subject is MIME-encoded (accents); the HTML part escapes what people wrote.
    expect(mail?.data).toMatch(/^Subject: /m);
    expect(mail?.data).toContain('multipart/alternative');
    expect(mail?.data).toContain('Sortie &lt;au&gt; mus');
  });
});
