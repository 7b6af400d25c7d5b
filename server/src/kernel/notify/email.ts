import type { NotificationService, TimelineItem } from '@preau/contracts';
import nodemailer from 'nodemailer';
import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import { type ItemRow, toTimelineItem } from './items.js';
import { emailDue } from './quiet-hours.js';
import { loadEffectiveSettings } from './settings.js';
import { countTitle, escapeHtml, lineOf, pathOf, titleOf } from './texts.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Where e-mails go: SMTP through nodemailer, or (tests) a recorder. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    send: async (m) => {
      await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text, html: m.html });
    },
    close: () => transport.close(),
  };
}

/** Keeps what would have been sent; `failFor` makes one address fail, as an SMTP refusal would. */
export function recordingMailer(): Mailer & { sent: MailMessage[]; failFor: Set<string> } {
  const sent: MailMessage[] = [];
  const failFor = new Set<string>();
  return {
    sent,
    failFor,
    send: async (m) => {
      if (failFor.has(m.to)) throw new Error(`550 mailbox unavailable: ${m.to}`);
      sent.push(m);
    },
    close: () => {},
  };
}

export interface EmailOptions {
  timeZone: string;
  publicUrl: string | null;
}

/** Items listed in one digest; the rest are counted. */
const DIGEST_LIMIT = 30;
const PEOPLE_CHUNK = 500;

/**
 * Sends every e-mail that is due now: for each person with pending notifications, one message when
 * their frequency and quiet hours allow (immediate: as soon as quiet hours allow; daily/weekly: at
 * the digest time). A single pending item makes a plain notification e-mail, several a digest.
 * Pending rows of a service whose e-mails the person has since turned off are dropped.
 */
export async function sendDueEmails(db: Db, clock: Clock, mailer: Mailer, options: EmailOptions): Promise<{ sent: number; failed: number }> {
  const now = clock.now();
  const candidates = await db
    .selectFrom('notifications')
    .select(['person_id', (eb) => eb.fn.min('created_at').as('oldest')])
    .where('email_state', '=', 'pending')
    .groupBy('person_id')
    .execute();
  const settings = await loadEffectiveSettings(db, candidates.map((c) => c.person_id));
  const due = candidates
    .filter((c) => {
      const s = settings.get(c.person_id);
      return s && emailDue(now, new Date(c.oldest), s.effective.emailFrequency, s.effective.quietHours, options.timeZone);
    })
    .map((c) => c.person_id);

  let sent = 0;
  let failed = 0;
  for (let i = 0; i < due.length; i += PEOPLE_CHUNK) {
    const people = due.slice(i, i + PEOPLE_CHUNK);
    const rows = await db
      .selectFrom('notifications as n')
      .innerJoin('outbox_events as e', 'e.id', 'n.event_id')
      .innerJoin('people as r', 'r.id', 'n.person_id')
      .leftJoin('people as a', 'a.id', 'e.actor_id')
      .select(['n.person_id', 'r.email', 'r.state', 'e.id', 'e.type', 'e.service', 'e.establishment_id', 'e.actor_id', 'a.first_name', 'a.last_name', 'e.resource_kind', 'e.resource_id', 'e.summary', 'e.created_at'])
      .where('n.person_id', 'in', people)
      .where('n.email_state', '=', 'pending')
      .orderBy('n.person_id')
      .orderBy('n.event_id')
      .execute();
    const byPerson = new Map<string, { email: string | null; state: string; items: TimelineItem[] }>();
    for (const row of rows) {
      const entry = byPerson.get(row.person_id) ?? { email: row.email, state: row.state, items: [] };
      entry.items.push(toTimelineItem(row as ItemRow));
      byPerson.set(row.person_id, entry);
    }
    for (const [personId, entry] of byPerson) {
      const channels = settings.get(personId)?.effective.channels;
      const wanted = entry.items.filter((item) => channels?.[item.service as NotificationService]?.email !== false);
      const unwanted = entry.items.filter((item) => !wanted.includes(item));
      if (!entry.email || entry.state !== 'active') {
        await markEmails(db, personId, entry.items, 'none');
        continue;
      }
      if (unwanted.length) await markEmails(db, personId, unwanted, 'none');
      if (!wanted.length) continue;
      try {
        await mailer.send(compose(entry.email, wanted, options.publicUrl));
        await markEmails(db, personId, wanted, 'sent');
        sent += 1;
      } catch {
        // Stays pending: the next run tries again.
        failed += 1;
      }
    }
  }
  return { sent, failed };
}

async function markEmails(db: Db, personId: string, items: TimelineItem[], state: 'sent' | 'none') {
  await db
    .updateTable('notifications')
    .set({ email_state: state })
    .where('person_id', '=', personId)
    .where('event_id', 'in', items.map((i) => i.id))
    .execute();
}

export function compose(to: string, items: TimelineItem[], publicUrl: string | null): MailMessage {
  const base = publicUrl ? publicUrl.replace(/\/$/, '') : null;
  const first = items[0];
  // One item leads to it; a digest to the timeline. Without a public address, no links at all.
  const link = base ? `${base}${items.length === 1 && first ? pathOf(first) : '/'}` : null;
  const settings = base ? `${base}/notifications` : null;
  const shown = items.slice(0, DIGEST_LIMIT);
  const more = items.length - shown.length;
  const subject = items.length === 1 && first ? `[Préau] ${titleOf(first)}` : `[Préau] ${countTitle(items.length)}`;
  const footer = 'Vous recevez ce message selon vos préférences de notification dans Préau.';
  const lines = shown.map((item) => `- ${lineOf(item)}`);
  if (more > 0) lines.push(`… et ${more} autre(s).`);
  const text = [
    items.length === 1 ? 'Bonjour,' : `Bonjour, voici vos ${countTitle(items.length)} :`,
    '',
    ...lines,
    '',
    link ? `Ouvrir Préau : ${link}` : '',
    '',
    footer,
    settings ? `Changer ces préférences : ${settings}` : '',
  ].join('\n');
  const html = [
    '<!doctype html><html lang="fr"><body>',
    `<p>${items.length === 1 ? 'Bonjour,' : `Bonjour, voici vos ${escapeHtml(countTitle(items.length))} :`}</p>`,
    `<ul>${shown.map((item) => `<li>${escapeHtml(lineOf(item))}</li>`).join('')}</ul>`,
    more > 0 ? `<p>… et ${more} autre(s).</p>` : '',
    link ? `<p><a href="${escapeHtml(link)}">Ouvrir Préau</a></p>` : '',
    `<p><small>${escapeHtml(footer)}${settings ? ` <a href="${escapeHtml(settings)}">Changer ces préférences</a>` : ''}</small></p>`,
    '</body></html>',
  ].join('');
  return { to, subject, text, html };
}
