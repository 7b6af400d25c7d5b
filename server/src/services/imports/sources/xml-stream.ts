import type { Readable } from 'node:stream';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { UnusableFileError } from '../feed';
import { createXmlDecoder, DECLARATION_BYTES } from './encoding';

/**
 * Streaming reader for the national XML exports.
 *
 * A file is read chunk by chunk, decoded with the encoding its XML declaration names and fed to
 * saxes. Only the elements at the paths the caller asks for ("records": one ELEVE, one INDIVIDU…)
 * are kept, as small trees, and handed out as soon as they close; everything else is dropped.
 * Memory therefore depends on the size of one record, not on the size of the file.
 */

export type ByteSource = Readable | AsyncIterable<Buffer | Uint8Array | string>;

export interface SourceInput {
  /** File name, used in reports and error messages. */
  name: string;
  stream: ByteSource;
}

export interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  /** Character data directly inside this element (untrimmed). */
  text: string;
  children: XmlNode[];
  /** Line of the element's start tag, for reports. */
  line: number;
}

export interface XmlRecord {
  /** Path from the root element, e.g. "BEE_ELEVES/DONNEES/ELEVES/ELEVE". */
  path: string;
  node: XmlNode;
}

export interface OpenedXml {
  root: { name: string; line: number };
  /** The remaining records; must be consumed (or `return()`ed) so the file is released. */
  records: AsyncGenerator<XmlRecord, void, undefined>;
}

type XmlEvent = { type: 'root'; name: string; line: number } | ({ type: 'record' } & XmlRecord);

/** Decoded text is fed to saxes in slices of this size, so one huge chunk never becomes one huge string. */
const SLICE_BYTES = 64 * 1024;

/**
 * Opens an XML source: reads just far enough to know its root element, then hands out the records
 * found at `capturePaths`. Throws UnusableFileError for anything that is not well-formed XML.
 */
export async function openXml(input: SourceInput, capturePaths: ReadonlySet<string>): Promise<OpenedXml> {
  const events = readXmlEvents(input, capturePaths);
  const first = await events.next();
  if (first.done || first.value.type !== 'root') {
    await events.return(undefined);
    throw new UnusableFileError(input.name, 'not_xml', `${input.name}: the file is empty or is not XML.`);
  }
  return { root: { name: first.value.name, line: first.value.line }, records: onlyRecords(events) };
}

async function* onlyRecords(events: AsyncGenerator<XmlEvent>): AsyncGenerator<XmlRecord, void, undefined> {
  for await (const event of events) {
    if (event.type === 'record') yield { path: event.path, node: event.node };
  }
}

async function* readXmlEvents(input: SourceInput, capturePaths: ReadonlySet<string>): AsyncGenerator<XmlEvent> {
  const file = input.name;
  const parser = new SaxesParser<{ xmlns: false; position: true }>({ xmlns: false, position: true });
  const pending: XmlEvent[] = [];
  const openPath: string[] = []; // element names from the root, outside captured records
  const capturing: XmlNode[] = []; // open elements of the record being captured
  let capturedPath = '';
  let rootSeen = false;

  parser.on('opentag', (tag: SaxesTagPlain) => {
    const node: XmlNode = { name: tag.name, attributes: tag.attributes, text: '', children: [], line: parser.line };
    if (capturing.length > 0) {
      capturing[capturing.length - 1].children.push(node);
      capturing.push(node);
      return;
    }
    openPath.push(tag.name);
    if (!rootSeen) {
      rootSeen = true;
      pending.push({ type: 'root', name: tag.name, line: node.line });
    }
    const path = openPath.join('/');
    if (capturePaths.has(path)) {
      capturedPath = path;
      capturing.push(node);
    }
  });
  const onText = (text: string) => {
    if (capturing.length > 0) capturing[capturing.length - 1].text += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    if (capturing.length > 0) {
      const node = capturing.pop()!;
      if (capturing.length > 0) return;
      pending.push({ type: 'record', path: capturedPath, node });
    }
    openPath.pop();
  });

  const write = (text: string | null) => {
    try {
      if (text === null) parser.close();
      else if (text.length > 0) parser.write(text);
    } catch (error) {
      const reason = rootSeen ? 'malformed_xml' : 'not_xml';
      const what = rootSeen ? 'is not well-formed XML (truncated or damaged?)' : 'is not XML';
      throw new UnusableFileError(file, reason, `${file}: the file ${what}: ${(error as Error).message}`);
    }
  };
  const decode = (decoder: TextDecoder, bytes: Uint8Array | null) => {
    try {
      if (bytes === null) return write(decoder.decode());
      for (let start = 0; start < bytes.length; start += SLICE_BYTES) {
        write(decoder.decode(bytes.subarray(start, start + SLICE_BYTES), { stream: true }));
      }
    } catch (error) {
      if (error instanceof UnusableFileError) throw error;
      throw new UnusableFileError(
        file,
        'bad_encoding',
        `${file}: the bytes near line ${parser.line} are not valid ${decoder.encoding} (wrong encoding in the XML declaration?).`,
      );
    }
  };

  let decoder: TextDecoder | null = null;
  let head: Uint8Array[] = [];
  let headLength = 0;
  for await (const chunk of input.stream as AsyncIterable<Buffer | Uint8Array | string>) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    if (decoder === null) {
      // Wait for enough bytes to read the XML declaration before choosing the decoder.
      head.push(bytes);
      headLength += bytes.length;
      if (headLength < DECLARATION_BYTES) continue;
      const start = Buffer.concat(head);
      head = [];
      decoder = createXmlDecoder(start, file);
      decode(decoder, start);
    } else {
      decode(decoder, bytes);
    }
    yield* pending.splice(0);
  }
  if (decoder === null) {
    const start = Buffer.concat(head);
    decoder = createXmlDecoder(start, file);
    decode(decoder, start);
  }
  decode(decoder, null);
  write(null);
  yield* pending.splice(0);
}

// Small readers for captured records. Values are trimmed; empty elements count as absent.

export function childNode(node: XmlNode, name: string): XmlNode | undefined {
  for (const child of node.children) if (child.name === name) return child;
  return undefined;
}

export function childNodes(node: XmlNode, name: string): XmlNode[] {
  return node.children.filter((child) => child.name === name);
}

/** Trimmed text of the first child element with that name, or null when absent or empty. */
export function childText(node: XmlNode, name: string): string | null {
  const child = childNode(node, name);
  const text = child?.text.trim();
  return text ? text : null;
}

/** Trimmed attribute value, or null when absent or empty. */
export function attribute(node: XmlNode | undefined, name: string): string | null {
  const value = node?.attributes[name]?.trim();
  return value ? value : null;
}

/** Follows a path of child names ("ENSEIGNANTS/ENSEIGNANT") and returns every node at its end. */
export function descendants(node: XmlNode, path: string): XmlNode[] {
  let level = [node];
  for (const name of path.split('/')) level = level.flatMap((parent) => childNodes(parent, name));
  return level;
}
