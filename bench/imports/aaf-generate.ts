/**
 * Deterministic AAF feed of N accounts over as many collèges as needed (≈ 1,350 accounts each:
 * 560 students in 20 classes, their guardians — two for most, siblings sharing a household —,
 * 50 teachers with their classes and subjects, 12 staff). Same N and seed, same bytes.
 * Files are ISO-8859-15 like the académie's, each kind split into numbered files of 100,000 records.
 */
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { uaiCheckLetter } from '../../server/src/services/directory/index.js';
import { ADULT_FEMALE, ADULT_MALE, CHILD_FEMALE, CHILD_MALE, LAST_NAMES } from '../../server/src/seed/data/names.js';
import { Rng } from '../../server/src/seed/prng.js';

const STUDENTS = 560;
const CLASSES = 20;
const TEACHERS = 50;
const STAFF = 12;
const PER_FILE = 100_000;
const SUBJECTS: [string, string][] = [
  ['020100', 'FRANCAIS'],
  ['061300', 'MATHEMATIQUES'],
  ['040300', 'HISTOIRE-GEOGRAPHIE'],
  ['030201', 'ANGLAIS LV1'],
  ['100100', 'EDUCATION PHYSIQUE ET SPORTIVE'],
  ['063000', 'SCIENCES DE LA VIE ET DE LA TERRE'],
  ['062000', 'PHYSIQUE-CHIMIE'],
  ['080100', 'ARTS PLASTIQUES'],
];
const LEVELS: [string, string][] = [
  ['10010012110', '6EME'],
  ['10110001110', '5EME'],
  ['10210001110', '4EME'],
  ['10310019110', '3EME'],
];
const STAFF_FUNCTIONS = ['DIR', 'DIR', 'EDU', 'EDU', 'DOC', 'ADF', 'ADF', 'ADF', 'MDS', 'LAB', 'OUV', 'OUV'];

export interface GeneratedFeed {
  accounts: number;
  establishments: { uai: string; name: string; structureId: string }[];
  files: number;
}

/** ISO-8859-15 differs from Latin-1 on eight code points; map them before encoding as Latin-1. */
const LATIN9: Record<string, string> = { '€': '\xa4', Š: '\xa6', š: '\xa8', Ž: '\xb4', ž: '\xb8', Œ: '\xbc', œ: '\xbd', Ÿ: '\xbe' };
const latin9 = (text: string) => Buffer.from(text.replace(/[€ŠšŽžŒœŸ]/g, (c) => LATIN9[c]), 'latin1');
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/'/g, '&apos;');
const attr = (name: string, ...values: string[]) =>
  `<attr name="${name}">${values.length ? values.map((v) => `<value>${esc(v)}</value>`).join('') : '<value/>'}</attr>\n`;

/** A kind's numbered files: a new file every PER_FILE records. */
class KindWriter {
  private stream: WriteStream | null = null;
  private count = 0;
  private index = 0;
  private buffer: string[] = [];
  files = 0;

  constructor(
    private readonly dir: string,
    private readonly kind: string,
  ) {}

  async add(category: string, id: string, attributes: string, structure = false): Promise<void> {
    if (!this.stream || this.count === PER_FILE) await this.open();
    this.count += 1;
    const op = structure ? 'categorieStructure' : 'categoriePersonne';
    this.buffer.push(`<addRequest>\n<operationalAttributes><attr name="${op}"><value>${category}</value></attr></operationalAttributes>\n<identifier><id>${id}</id></identifier>\n<attributes>\n${attributes}</attributes>\n</addRequest>\n`);
    if (this.buffer.length >= 500) await this.drain();
  }

  private async drain() {
    const stream = this.stream!;
    const ok = stream.write(latin9(this.buffer.join('')));
    this.buffer = [];
    if (!ok) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
  }

  private async open() {
    await this.close();
    const name = `ENT_BENCH_Complet_20260901_${this.kind}_${String(this.index++).padStart(4, '0')}.xml`;
    this.stream = createWriteStream(join(this.dir, name));
    this.stream.write('<?xml version="1.0" encoding="ISO-8859-15"?>\n<!DOCTYPE ficAlimMENESR SYSTEM "ficAlimMENESR.dtd">\n<ficAlimMENESR>\n');
    this.count = 0;
    this.files += 1;
  }

  async close(): Promise<void> {
    if (!this.stream) return;
    await this.drain();
    const stream = this.stream;
    this.stream = null;
    await new Promise<void>((resolve, reject) => stream.end('</ficAlimMENESR>\n', () => resolve()).on('error', reject));
  }
}

const date = (rng: Rng, from: number, to: number) => `${String(rng.int(1, 28)).padStart(2, '0')}/${String(rng.int(1, 12)).padStart(2, '0')}/${rng.int(from, to)}`;
const upper = (s: string) => s.toUpperCase();

export async function generateAafFeed(dir: string, accounts: number, seed = 2026): Promise<GeneratedFeed> {
  mkdirSync(dir, { recursive: true });
  const w = {
    etab: new KindWriter(dir, 'EtabEducNat'),
    mat: new KindWriter(dir, 'MatEducNat'),
    mef: new KindWriter(dir, 'MefEducNat'),
    eleve: new KindWriter(dir, 'Eleve'),
    rel: new KindWriter(dir, 'PersRelEleve'),
    pers: new KindWriter(dir, 'PersEducNat'),
  };
  for (const [code, label] of SUBJECTS) await w.mat.add('MatEducNat', code, attr('ENTMatJointure', code) + attr('ENTLibelleMatiere', label), true);
  for (const [code, label] of LEVELS) await w.mef.add('MefEducNat', code, attr('ENTMefJointure', code) + attr('ENTLibelleMef', label), true);

  const establishments: GeneratedFeed['establishments'] = [];
  let written = 0;
  for (let e = 0; written < accounts; e++) {
    const rng = new Rng(seed, e);
    const number = String(9_000_000 + e).padStart(7, '0').slice(-7);
    const uai = `${number}${uaiCheckLetter(number)}`;
    const structureId = `S${e}`;
    const name = `COLLEGE ${upper(rng.pick(LAST_NAMES))} ${e}`;
    establishments.push({ uai, name, structureId });
    const classes = Array.from({ length: CLASSES }, (_, c) => `${6 - Math.floor(c / 5)}${'ABCDE'[c % 5]}`);
    await w.etab.add('EtabEducNat', structureId, attr('ENTStructureJointure', structureId) + attr('ENTStructureUAI', uai) + attr('ENTStructureNomCourant', name) + attr('ENTStructureClasses', ...classes.map((c) => `${c}$${c}`)), true);
    const room = () => accounts - written;

    for (let t = 0; t < TEACHERS + STAFF && room() > 0; t++, written++) {
      const female = rng.chance(0.6);
      const id = `P${e}-${t}`;
      let a = attr('ENTPersonJointure', id) + attr('sn', upper(rng.pick(LAST_NAMES))) + attr('givenName', rng.pick(female ? ADULT_FEMALE : ADULT_MALE));
      a += attr('ENTPersonDateNaissance', date(rng, 1960, 1995)) + attr('mail', `${id.toLowerCase()}@ac-bench.fr`) + attr('ENTPersonStructRattach', structureId);
      if (t < TEACHERS) {
        const [subject, label] = SUBJECTS[t % SUBJECTS.length];
        const taught = rng.sample(classes, 4);
        a += attr('ENTPersonFonctions', `${structureId}$ENS$ENSEIGNEMENT$L0000$${label}`);
        a += attr('ENTAuxEnsClassesMatieres', ...taught.map((c) => `${structureId}$${c}$${subject}`));
        if (t < CLASSES) a += attr('ENTAuxEnsClassesPrincipal', `${structureId}$${classes[t]}`);
      } else {
        a += attr('ENTPersonFonctions', `${structureId}$${STAFF_FUNCTIONS[t - TEACHERS]}$FONCTION$X0000$FONCTION`);
      }
      await w.pers.add('PersEducNat', id, a);
    }

    let household = 0;
    let guardians: string[] = [];
    for (let s = 0; s < STUDENTS && room() > 0; s++) {
      // 15% of students are the sibling of the previous one: same guardians, no new accounts.
      if (guardians.length === 0 || !rng.chance(0.15)) {
        const family = upper(rng.pick(LAST_NAMES));
        const count = Math.min(rng.chance(0.8) ? 2 : 1, Math.max(0, room() - 1));
        guardians = [];
        for (let g = 0; g < count; g++, written++) {
          const id = `R${e}-${household}-${g}`;
          guardians.push(id);
          const other = g === 1 && rng.chance(0.3) ? upper(rng.pick(LAST_NAMES)) : family;
          let a = attr('ENTPersonJointure', id) + attr('sn', other) + attr('givenName', rng.pick(g === 0 ? ADULT_FEMALE : ADULT_MALE));
          a += attr('mail', rng.chance(0.7) ? `${id.toLowerCase()}@example.org` : '') + attr('telephoneNumber', `06${rng.digits(8)}`);
          await w.rel.add('PersRelEleve', id, a);
        }
        household++;
      }
      if (room() <= 0) break;
      written++;
      const id = `E${e}-${s}`;
      const cls = classes[s % CLASSES];
      const [mef] = LEVELS[Math.floor((s % CLASSES) / 5)];
      let a = attr('ENTPersonJointure', id) + attr('ENTEleveStructRattachId', structureId) + attr('ENTPersonStructRattach', structureId);
      a += attr('sn', upper(rng.pick(LAST_NAMES))) + attr('givenName', rng.pick(rng.chance(0.5) ? CHILD_FEMALE : CHILD_MALE)) + attr('ENTPersonDateNaissance', date(rng, 2011, 2015));
      a += attr('ENTEleveMEF', mef) + attr('ENTEleveClasses', `${structureId}$${cls}`) + attr('ENTEleveGroupes');
      a += attr('ENTElevePersRelEleve', ...guardians.map((g, i) => `${g}$${i === 0 ? 10 : 20}$${i === 0 ? 1 : 0}$${i + 1}$1$0`));
      a += attr('ENTEleveAutoriteParentale', ...guardians);
      await w.eleve.add('Eleve', id, a);
    }
  }
  let files = 0;
  for (const writer of Object.values(w)) {
    await writer.close();
    files += writer.files;
  }
  return { accounts: written, establishments, files };
}
