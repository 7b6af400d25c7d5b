import { basename } from 'node:path';
import { UnusableFileError } from '../feed.js';
import { childNode, childNodes, openXml, type SourceInput, type XmlNode } from '../sources/xml-stream.js';

/**
 * The AAF feed (annuaire académique fédérateur), as the académie sends it to an ENT: files validated
 * by ficAlimMENESR.dtd, one kind of record per file, a large académie splitting each kind into
 * numbered files (…_Eleve_0000.xml, …_Eleve_0001.xml). Each record is an addRequest, a
 * modifyRequest (modifications/modification[@name]/value, replacing the listed attributes only)
 * or a deleteRequest (the identifier alone).
 */

export const AAF_ROOT = 'ficAlimMENESR';
const RECORD_PATHS = new Set([`${AAF_ROOT}/addRequest`, `${AAF_ROOT}/modifyRequest`, `${AAF_ROOT}/deleteRequest`]);

/** File kinds in the order they are read: structures and nomenclatures before the people who refer to them. */
export const AAF_KINDS = ['EtabEducNat', 'MatEducNat', 'MefEducNat', 'Eleve', 'PersEducNat', 'PersRelEleve'] as const;
export type AafFileKind = (typeof AAF_KINDS)[number];

export type AafOperation = 'add' | 'modify' | 'delete';

export interface AafRecord {
  op: AafOperation;
  /** categoriePersonne / categorieStructure, else the file's kind. */
  category: string;
  /** identifier/id. */
  id: string | null;
  /** Attribute name → its values (empty values dropped); a modifyRequest carries only what changed. */
  attrs: Map<string, string[]>;
  file: string;
  /** 1-based position of the record in its file: what the report cites. */
  recordNo: number;
  line: number;
}

/** The kind of an AAF file from its name (ENT_…_Complet_20260901_Eleve_0000.xml), or null. */
export function fileKindOf(path: string): AafFileKind | null {
  const name = basename(path);
  // Longest names first: "PersRelEleve" and "Eleve" both end in "Eleve".
  for (const kind of ['PersRelEleve', 'PersEducNat', 'EtabEducNat', 'MatEducNat', 'MefEducNat', 'Eleve'] as const) {
    if (new RegExp(`(^|[_.-])${kind}([_.-]|$)`, 'i').test(name)) return kind;
  }
  return null;
}

/** A feed whose file names say "Delta" carries changes only: absent people have not left. */
export function isDeltaFile(path: string): boolean {
  return /(^|[_.-])delta([_.-]|$)/i.test(basename(path));
}

function valuesOf(node: XmlNode): string[] {
  const values: string[] = [];
  for (const v of childNodes(node, 'value')) {
    const text = v.text.trim();
    if (text) values.push(text);
  }
  return values;
}

function readRecord(node: XmlNode, kind: AafFileKind, file: string, recordNo: number): AafRecord {
  const op: AafOperation = node.name === 'addRequest' ? 'add' : node.name === 'modifyRequest' ? 'modify' : 'delete';
  let category: string = kind;
  const operational = childNode(node, 'operationalAttributes');
  for (const attr of operational ? childNodes(operational, 'attr') : []) {
    const value = valuesOf(attr)[0];
    if (value && (attr.attributes.name === 'categoriePersonne' || attr.attributes.name === 'categorieStructure')) category = value;
  }
  const identifier = childNode(node, 'identifier');
  const id = identifier ? (childNode(identifier, 'id')?.text.trim() ?? '') : '';
  const attrs = new Map<string, string[]>();
  const container = childNode(node, op === 'modify' ? 'modifications' : 'attributes');
  for (const attr of container ? childNodes(container, op === 'modify' ? 'modification' : 'attr') : []) {
    const name = attr.attributes.name;
    if (name) attrs.set(name, valuesOf(attr));
  }
  return { op, category, id: id || null, attrs, file, recordNo, line: node.line };
}

/**
 * Streams the records of one AAF file. Memory holds one record at a time (see xml-stream), so a
 * file of any size is read in constant memory.
 */
export async function* readAafFile(input: SourceInput, kind: AafFileKind): AsyncGenerator<AafRecord> {
  const xml = await openXml(input, RECORD_PATHS);
  if (xml.root.name !== AAF_ROOT) {
    await xml.records.return(undefined);
    throw new UnusableFileError(input.name, 'wrong_root', `${input.name}: the root element is <${xml.root.name}>, expected <${AAF_ROOT}> (AAF feed).`);
  }
  let recordNo = 0;
  for await (const { node } of xml.records) {
    recordNo += 1;
    yield readRecord(node, kind, input.name, recordNo);
  }
}

/** First value of an attribute, or null. */
export function first(record: AafRecord, name: string): string | null {
  return record.attrs.get(name)?.[0] ?? null;
}

/** Values of an attribute, or undefined when the record does not carry it (a modifyRequest that leaves it alone). */
export function all(record: AafRecord, name: string): string[] | undefined {
  return record.attrs.get(name);
}
