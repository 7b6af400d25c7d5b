import { UnusableFileError } from '../feed';

/** How many leading bytes we look at to find the XML declaration (it is always far shorter). */
export const DECLARATION_BYTES = 512;

/**
 * The character encoding of an XML file, from its byte-order mark or its XML declaration
 * (`<?xml version="1.0" encoding="ISO-8859-15"?>`). SIECLE and STS-web exports are usually
 * ISO-8859-1 or ISO-8859-15; without a declaration XML defaults to UTF-8.
 */
export function detectXmlEncoding(head: Uint8Array): string {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  // The declaration is ASCII in every encoding we accept, so latin1 is a safe lens to read it.
  const start = Buffer.from(head.subarray(0, DECLARATION_BYTES)).toString('latin1');
  const declared = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(start);
  return declared ? declared[1].toLowerCase() : 'utf-8';
}

/**
 * A streaming decoder for the file's encoding. `fatal` makes a file declared UTF-8 but written in
 * Latin-1 fail loudly instead of importing names full of U+FFFD.
 *
 * Note: TextDecoder follows the WHATWG Encoding standard, where "iso-8859-1" means windows-1252.
 * The two only differ on 0x80–0x9F (C1 control characters in ISO-8859-1, never found in names),
 * so this is harmless and even helps with exports that mislabel windows-1252 as ISO-8859-1.
 */
export function createXmlDecoder(head: Uint8Array, file: string): TextDecoder {
  const encoding = detectXmlEncoding(head);
  try {
    return new TextDecoder(encoding, { fatal: true });
  } catch {
    throw new UnusableFileError(
      file,
      'unsupported_encoding',
      `${file}: the XML declaration names the encoding "${encoding}", which cannot be read.`,
    );
  }
}
