import type { ReportCard } from '@preau/contracts';
import PDFDocument from 'pdfkit';

type Doc = InstanceType<typeof PDFDocument>;
type Struct = ReturnType<Doc['struct']>;

const MARGIN = 48;
const INK = '#1b1b1f';
const MUTED = '#55555f';
const RULE = '#8a8a94';
const REPLACEMENTS: Record<string, string> = { '\u2019': "'", '\u2018': "'", '\u201c': '"', '\u201d': '"', '\u2013': '-', '\u2014': '-', '\u2026': '...', '\u0153': 'oe', '\u0152': 'OE', '\u00a0': ' ', '\u202f': ' ' };
const DISTINCTIONS: Record<string, string> = { congratulations: 'Félicitations', compliments: 'Compliments', encouragements: 'Encouragements' };

/** The standard PDF fonts speak Latin-1: typographic characters are replaced, the rest lose their accents. */
export function latin(text: string): string {
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
/** 12.5 → "12,50"; no average → a dash. */
const points = (value: number | null) => (value === null ? '-' : value.toFixed(2).replace('.', ','));
const coefficient = (value: number) => String(value).replace('.', ',');

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

function decisionLines(card: ReportCard): string[] {
  const d = card.decision;
  const lines: string[] = [];
  if (d.distinction) lines.push(DISTINCTIONS[d.distinction] ?? d.distinction);
  if (d.workWarning && d.behaviourWarning) lines.push('Mise en garde pour le travail et le comportement');
  else if (d.workWarning) lines.push('Mise en garde pour le travail');
  else if (d.behaviourWarning) lines.push('Mise en garde pour le comportement');
  if (d.orientation) lines.push(`Décision d'orientation : ${d.orientation}`);
  return lines;
}

/**
 * A student's bulletin for one period, printable and readable by assistive technologies: tagged
 * PDF 1.7 (Document › H1, P, H2, a Table with header cells for the subjects), language fr-FR,
 * title in the viewer's title bar, real text throughout.
 */
export function reportCardPdf(card: ReportCard, options: { compress?: boolean } = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const title = `Bulletin ${card.period.name} - ${card.student.name}`;
    const doc = new PDFDocument({
      size: 'A4',
      margin: MARGIN,
      pdfVersion: '1.7',
      tagged: true,
      lang: 'fr-FR',
      displayTitle: true,
      compress: options.compress ?? true,
      info: { Title: latin(title), Author: latin(card.establishment), Subject: latin(`Bulletin scolaire, ${card.group.name}`), Creator: 'Préau' },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);

    const root = doc.struct('Document');
    doc.addStructure(root);
    block(doc, root, 'P', card.establishment, { font: 'Helvetica-Bold', size: 11, gap: 0.1 });
    block(doc, root, 'H1', `Bulletin scolaire - ${card.period.name}`, { font: 'Helvetica-Bold', size: 17, gap: 0.4 });
    block(doc, root, 'P', `Élève : ${card.student.name} - Classe : ${card.group.name}`, { font: 'Helvetica-Bold', size: 11, gap: 0.1 });
    block(doc, root, 'P', `Période du ${frenchDate(card.period.startsOn)} au ${frenchDate(card.period.endsOn)}`, { color: MUTED, gap: 0.1 });
    if (card.headTeachers.length) block(doc, root, 'P', `Professeur principal : ${card.headTeachers.join(', ')}`, { color: MUTED, gap: 0.1 });
    if (card.state === 'open') block(doc, root, 'P', 'Aperçu : le conseil de classe ne s’est pas encore tenu.', { font: 'Helvetica-Oblique', color: MUTED, gap: 0.1 });
    doc.moveDown(0.6);

    block(doc, root, 'H2', 'Résultats par matière', { font: 'Helvetica-Bold', size: 13, gap: 0.3 });
    const header = ['Matière', 'Moyenne de l’élève', 'Classe (moy. / min. / max.)', 'Appréciation'].map((text) => ({ text: latin(text), type: 'TH' as const, scope: 'Column', font: { src: 'Helvetica-Bold' } }));
    const figures = (f: ReportCard['general']['classFigures']) => `${points(f.average)} / ${points(f.min)} / ${points(f.max)}`;
    const rows = card.subjects.map((s) => [
      { text: latin(`${s.subject.name}${s.teachers.length ? `\n${s.teachers.join(', ')}` : ''}\ncoef. ${coefficient(s.coefficient)}`), type: 'TH' as const, scope: 'Row', font: { src: 'Helvetica-Bold' } },
      { text: points(s.average), align: { x: 'center' as const } },
      { text: figures(s.classFigures), align: { x: 'center' as const } },
      { text: latin(s.appreciation ?? '') },
    ]);
    rows.push([
      { text: latin('Moyenne générale'), type: 'TH' as const, scope: 'Row', font: { src: 'Helvetica-Bold' } },
      { text: points(card.general.average), align: { x: 'center' as const } },
      { text: figures(card.general.classFigures), align: { x: 'center' as const } },
      { text: '' },
    ]);
    doc.font('Helvetica').fontSize(9).fillColor(INK);
    // pdfkit tags the table (Table › TR › TH/TD, header scopes) when given the parent structure.
    const table = { structParent: root, position: { x: MARGIN }, columnStyles: [120, 70, 95, '*'], defaultStyle: { border: 0.5, borderColor: RULE, padding: 4 }, data: [header, ...rows] };
    doc.table(table as Parameters<Doc['table']>[0] & { data: unknown[] });
    doc.moveDown(0.8);

    if (card.attendance) {
      block(doc, root, 'H2', 'Absences et retards', { font: 'Helvetica-Bold', size: 13 });
      const a = card.attendance;
      block(doc, root, 'P', `${a.absenceHalfDays} demi-journée(s) d’absence dont ${a.unjustifiedHalfDays} non justifiée(s) ; ${a.lates} retard(s).`);
      doc.moveDown(0.4);
    }
    block(doc, root, 'H2', 'Appréciation générale', { font: 'Helvetica-Bold', size: 13 });
    block(doc, root, 'P', card.generalAppreciation ?? 'Pas d’appréciation générale.', { color: card.generalAppreciation ? INK : MUTED });
    doc.moveDown(0.4);
    block(doc, root, 'H2', 'Décisions du conseil de classe', { font: 'Helvetica-Bold', size: 13 });
    const decisions = decisionLines(card);
    if (decisions.length === 0) block(doc, root, 'P', 'Aucune décision particulière.', { color: MUTED });
    for (const line of decisions) block(doc, root, 'P', line);
    doc.moveDown(0.6);
    block(doc, root, 'P', 'Moyennes sur 20, arrondies au centième (0,005 arrondi au-dessus).', { size: 8, color: MUTED });
    root.end();
    doc.end();
  });
}
