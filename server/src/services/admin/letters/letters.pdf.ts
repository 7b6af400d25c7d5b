import PDFDocument from 'pdfkit';
import { displayName } from '../../directory/index.js';
import { DEFAULT_TIME_ZONE, longDate, profileLabel } from './letters.format.js';
import type { ActivationLetter, LetterBatch } from './letters.queries.js';

export interface LettersPdfOptions {
  /** The ENT's public address, e.g. "https://ent.college-moulin.fr" (no trailing slash needed). */
  publicUrl: string;
  timeZone?: string;
  /** Tests turn compression off to read the content streams. */
  compress?: boolean;
}

const MARGIN = 56; // 2 cm
const INK = '#111111';
const MUTED = '#444444'; // 9.7:1 on white: still readable for low vision, unlike light greys
const ACCENT = '#1f3b73';

/**
 * The built-in PDF fonts (Helvetica, Courier) are not embedded and only know the WinAnsi
 * characters: every French letter, « », ’, Œ/œ and € included, but not, say, Ł or ș. Outside that
 * set, a character is replaced by its unaccented base letter (or a close ASCII form) rather than
 * printed as garbage. Logins and codes are ASCII and never touched.
 */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const CLOSE_FORMS: Record<string, string> = { 'Ł': 'L', 'ł': 'l', 'Đ': 'D', 'đ': 'd', 'ı': 'i', 'Ħ': 'H', 'ħ': 'h', '\u202f': '\u00a0', '\u2009': ' ' };

function isWinAnsi(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return (c >= 0x20 && c < 0x7f) || (c >= 0xa0 && c <= 0xff) || WIN_ANSI_EXTRA.has(ch);
}

export function winAnsi(text: string): string {
  let out = '';
  for (const ch of text) {
    if (isWinAnsi(ch)) out += ch;
    else if (CLOSE_FORMS[ch]) out += CLOSE_FORMS[ch];
    else {
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
      out += base && [...base].every(isWinAnsi) ? base : '?';
    }
  }
  return out;
}

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;
interface Style {
  font?: string;
  size?: number;
  color?: string;
  gap?: number;
  characterSpacing?: number;
}

/**
 * Writes one block of text inside its own structure element (P, H1, Lbl…). The closure form makes
 * pdfkit open and close the marked content around exactly this text, so every page's content stream
 * is balanced and screen readers meet the blocks in reading order.
 */
function block(doc: Doc, parent: Struct, type: string, text: string, style: Style = {}, x = MARGIN, width = doc.page.width - 2 * MARGIN) {
  parent.add(
    doc.struct(type, {}, () => {
      doc
        .font(style.font ?? 'Helvetica')
        .fontSize(style.size ?? 11)
        .fillColor(style.color ?? INK)
        .text(winAnsi(text), x, doc.y, { width, lineGap: 2, characterSpacing: style.characterSpacing });
    }),
  );
  doc.moveDown(style.gap ?? 0.4);
}

/** Decoration (frames) is marked as an artifact so that assistive technology skips it. */
function frame(doc: Doc, x: number, y: number, w: number, h: number) {
  doc.markContent('Artifact', { type: 'Layout' });
  doc.roundedRect(x, y, w, h, 6).lineWidth(1.5).strokeColor(ACCENT).stroke();
  doc.endMarkedContent();
}

function instructions(publicUrl: string, letter: ActivationLetter): string[] {
  const base = publicUrl.replace(/\/+$/, '');
  return [
    `Rendez-vous sur ${base}/activation (ou sur ${base}, lien « Activer mon compte »).`,
    `Saisissez votre identifiant et votre code d’activation exactement comme ci-dessus${letter.activationCode === letter.activationCode.toUpperCase() ? ', en majuscules' : ''}.`,
    'Choisissez votre mot de passe : au moins 12 caractères mêlant majuscules, minuscules, chiffres et symboles, ou bien une phrase de passe d’au moins 7 mots.',
    'Lisez et acceptez la charte d’utilisation de l’ENT, puis validez : votre compte est prêt.',
  ];
}

function letterPage(doc: Doc, root: Struct, batch: LetterBatch, letter: ActivationLetter, options: LettersPdfOptions) {
  const width = doc.page.width - 2 * MARGIN;
  const name = displayName(letter.firstName, letter.lastName);
  const sect = doc.struct('Sect', { title: winAnsi(name) });
  root.add(sect);

  block(doc, sect, 'P', batch.establishmentName, { font: 'Helvetica-Bold', size: 13, gap: 0.1 });
  block(doc, sect, 'P', `UAI ${batch.uai} · classe ${batch.groupName}`, { size: 10, color: MUTED, gap: 1.2 });
  block(doc, sect, 'H1', 'Activation de votre compte ENT', { font: 'Helvetica-Bold', size: 20, color: ACCENT, gap: 0.6 });
  block(doc, sect, 'P', name, { font: 'Helvetica-Bold', size: 14, gap: 0.1 });
  block(doc, sect, 'P', `${profileLabel(letter)} · classe ${batch.groupName}`, { size: 11, gap: 0.8 });
  block(
    doc,
    sect,
    'P',
    letter.kind === 'student'
      ? 'Votre établissement vous a ouvert un compte sur son espace numérique de travail (ENT). Voici de quoi l’activer.'
      : 'Votre établissement vous a ouvert un compte sur son espace numérique de travail (ENT). Ce compte est le vôtre, distinct de celui de votre enfant. Voici de quoi l’activer.',
    { gap: 1 },
  );

  // The credentials, framed: label and value are separate paragraphs so that each is read whole.
  const top = doc.y;
  const inner = MARGIN + 18;
  const innerWidth = width - 36;
  doc.y = top + 14;
  block(doc, sect, 'P', 'Identifiant', { size: 10, color: MUTED, gap: 0.1 }, inner, innerWidth);
  block(doc, sect, 'P', letter.login, { font: 'Courier-Bold', size: 18, gap: 0.6 }, inner, innerWidth);
  block(doc, sect, 'P', 'Code d’activation', { size: 10, color: MUTED, gap: 0.1 }, inner, innerWidth);
  block(doc, sect, 'P', letter.activationCode, { font: 'Courier-Bold', size: 30, characterSpacing: 4, gap: 0.3 }, inner, innerWidth);
  if (letter.expiresAt) {
    block(doc, sect, 'P', `À utiliser avant le ${longDate(letter.expiresAt, options.timeZone ?? DEFAULT_TIME_ZONE)}.`, { size: 11, gap: 0 }, inner, innerWidth);
  }
  frame(doc, MARGIN, top, width, doc.y - top + 12);
  doc.y += 30;

  block(doc, sect, 'H2', 'Pour activer votre compte', { font: 'Helvetica-Bold', size: 14, color: ACCENT, gap: 0.5 });
  const list = doc.struct('L');
  sect.add(list);
  instructions(options.publicUrl, letter).forEach((step, i) => {
    const item = doc.struct('LI');
    list.add(item);
    const y = doc.y;
    block(doc, item, 'Lbl', `${i + 1}.`, { font: 'Helvetica-Bold', gap: 0 }, MARGIN, 20);
    doc.y = y;
    block(doc, item, 'LBody', step, { gap: 0.5 }, MARGIN + 22, width - 22);
    item.end();
  });
  list.end();
  doc.moveDown(0.8);

  block(doc, sect, 'H2', 'Ce courrier est personnel', { font: 'Helvetica-Bold', size: 14, color: ACCENT, gap: 0.5 });
  block(
    doc,
    sect,
    'P',
    'Conservez-le en lieu sûr et ne communiquez votre code à personne : il permet d’activer votre compte à votre place. ' +
      'Personne ne vous demandera jamais votre mot de passe, pas même l’établissement. ' +
      'Code perdu ou expiré ? Adressez-vous au secrétariat de l’établissement.',
  );
  sect.end();
}

/** A class with nothing to print still gets a page that says so, rather than an empty file. */
function emptyPage(doc: Doc, root: Struct, batch: LetterBatch) {
  const sect = doc.struct('Sect');
  root.add(sect);
  block(doc, sect, 'H1', `${batch.establishmentName} · classe ${batch.groupName}`, { font: 'Helvetica-Bold', size: 16 });
  block(doc, sect, 'P', 'Aucun compte de cette classe n’attend d’activation avec un code valide.');
  sect.end();
}

/**
 * One A4 page per account. Accessibility as far as pdfkit 0.20 goes: tagged PDF 1.7 with a
 * structure tree (Document › Sect per letter › H1/H2/P/L), natural language fr-FR on the catalog,
 * a title shown in the viewer's title bar, decoration marked as artifacts.
 */
export function activationLettersPdf(batch: LetterBatch, options: LettersPdfOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin: MARGIN,
      autoFirstPage: false,
      pdfVersion: '1.7',
      tagged: true,
      lang: 'fr-FR',
      displayTitle: true,
      compress: options.compress ?? true,
      info: {
        Title: `Codes d’activation ENT · classe ${batch.groupName} · ${batch.establishmentName}`,
        Author: batch.establishmentName,
        Subject: 'Courriers d’activation des comptes ENT',
        Creator: 'Préau',
      },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);

    const root = doc.struct('Document');
    doc.addStructure(root);
    for (const letter of batch.letters) {
      doc.addPage();
      letterPage(doc, root, batch, letter, options);
    }
    if (batch.letters.length === 0) {
      doc.addPage();
      emptyPage(doc, root, batch);
    }
    root.end();
    doc.end();
  });
}
