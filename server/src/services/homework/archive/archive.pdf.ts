import type { ArchivedGroup } from '@preau/contracts';
import PDFDocument from 'pdfkit';

type Doc = InstanceType<typeof PDFDocument>;
type Struct = ReturnType<Doc['struct']>;

const MARGIN = 56;
const INK = '#1b1b1f';
const MUTED = '#55555f';
const KINDS: Record<string, string> = { exercise: 'Exercices', lesson: 'Leçon à apprendre', test: 'Évaluation', reading: 'Lecture', research: 'Recherche', other: 'Autre' };
const REPLACEMENTS: Record<string, string> = { '\u2019': "'", '\u2018': "'", '\u201c': '"', '\u201d': '"', '\u2013': '-', '\u2014': '-', '\u2026': '...', '\u0153': 'oe', '\u0152': 'OE', '\u00a0': ' ', '\u202f': ' ' };

/** The standard PDF fonts speak Latin-1: typographic characters are replaced, the rest lose their accents. */
function latin(text: string): string {
  let out = '';
  for (const ch of text) {
    if (REPLACEMENTS[ch] !== undefined) out += REPLACEMENTS[ch];
    else if (ch.charCodeAt(0) <= 0xff) out += ch;
    else {
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
      out += [...base].every((c) => c.charCodeAt(0) <= 0xff) ? base : '?';
    }
  }
  return out;
}

const frenchDate = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

/** One block of text in its own structure element, so the reading order is the visual one. */
function block(doc: Doc, parent: Struct, type: string, text: string, options: { font?: string; size?: number; color?: string; gap?: number } = {}) {
  parent.add(
    doc.struct(type, {}, () => {
      doc
        .font(options.font ?? 'Helvetica')
        .fontSize(options.size ?? 10)
        .fillColor(options.color ?? INK)
        .text(latin(text), MARGIN, doc.y, { width: doc.page.width - 2 * MARGIN, lineGap: 1.5 });
    }),
  );
  doc.moveDown(options.gap ?? 0.3);
}

/**
 * The archived cahier de textes of one class for inspection: tagged PDF 1.7 (Document › H1, Sect
 * per session with H2 and P), language fr-FR, title in the viewer's title bar.
 */
export function archivePdf(archive: ArchivedGroup, establishmentName: string, options: { compress?: boolean } = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const title = `Cahier de textes ${archive.schoolYear}-${archive.schoolYear + 1} · ${archive.group.name}`;
    const doc = new PDFDocument({
      size: 'A4',
      margin: MARGIN,
      pdfVersion: '1.7',
      tagged: true,
      lang: 'fr-FR',
      displayTitle: true,
      compress: options.compress ?? true,
      info: { Title: latin(title), Author: latin(establishmentName), Subject: 'Archive du cahier de textes', Creator: 'Préau' },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);

    const root = doc.struct('Document');
    doc.addStructure(root);
    block(doc, root, 'P', establishmentName, { font: 'Helvetica-Bold', size: 12, gap: 0.1 });
    block(doc, root, 'H1', title, { font: 'Helvetica-Bold', size: 18, gap: 0.8 });
    if (archive.sessions.length === 0) block(doc, root, 'P', 'Aucune séance archivée.');
    for (const session of archive.sessions) {
      const sect = doc.struct('Sect');
      root.add(sect);
      block(doc, sect, 'H2', `${frenchDate(session.date)} · ${session.subject} · ${session.title}`, { font: 'Helvetica-Bold', size: 11, gap: 0.1 });
      if (session.teacher) block(doc, sect, 'P', session.teacher, { size: 9, color: MUTED, gap: 0.1 });
      if (session.content) block(doc, sect, 'P', session.content);
      for (const h of session.homework) block(doc, sect, 'P', `${KINDS[h.kind] ?? h.kind} pour le ${frenchDate(h.dueOn)} : ${h.instructions}`, { size: 9.5 });
      sect.end();
      doc.moveDown(0.5);
    }
    if (archive.visas.length > 0) {
      const sect = doc.struct('Sect');
      root.add(sect);
      block(doc, sect, 'H2', 'Visas', { font: 'Helvetica-Bold', size: 12 });
      for (const v of archive.visas) block(doc, sect, 'P', `${frenchDate(v.date)}${v.subject ? ` (${v.subject})` : ''} · ${v.by ?? 'compte supprimé'} : ${v.comment}`);
      sect.end();
    }
    root.end();
    doc.end();
  });
}
