import { describe, expect, it } from 'vitest';
import { toIsoDate, toSchoolYear } from './dates';
import { detectXmlEncoding } from './encoding';
import { encodeLatin9 } from './fixtures/latin9';
import { chunked } from './fixtures/streams';
import { unusable } from './fixtures/unusable';
import { cleanName, displayFirstName } from './names';
import { childText, openXml, type SourceInput, type XmlRecord } from './xml-stream';

async function records(input: SourceInput, paths: string[]) {
  const xml = await openXml(input, new Set(paths));
  const found: XmlRecord[] = [];
  for await (const record of xml.records) found.push(record);
  return { root: xml.root, found };
}


describe('detectXmlEncoding', () => {
  const head = (text: string) => Buffer.from(text, 'latin1');
  it('reads the encoding the XML declaration names', () => {
    expect(detectXmlEncoding(head('<?xml version="1.0" encoding="ISO-8859-15"?><A/>'))).toBe('iso-8859-15');
    expect(detectXmlEncoding(head("<?xml version='1.0' encoding='windows-1252' standalone='yes'?>"))).toBe('windows-1252');
    expect(detectXmlEncoding(head('<?xml version="1.0" encoding="UTF-8"?>'))).toBe('utf-8');
  });
  it('defaults to UTF-8 without a declaration, and trusts a byte-order mark', () => {
    expect(detectXmlEncoding(head('<A/>'))).toBe('utf-8');
    expect(detectXmlEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x3c]))).toBe('utf-8');
  });
});

describe('openXml', () => {
  it('decodes ISO-8859-15 chunk by chunk, Œ œ Š € included', async () => {
    const text = '<?xml version="1.0" encoding="ISO-8859-15"?>\n<R>\n<N>Œuvre sœur Škoda 5 €</N>\n</R>';
    const { root, found } = await records(chunked('latin9.xml', encodeLatin9(text), 3), ['R/N']);
    expect(root).toEqual({ name: 'R', line: 2 });
    expect(found).toHaveLength(1);
    expect(found[0].node.text).toBe('Œuvre sœur Škoda 5 €');
    expect(found[0].node.line).toBe(3);
  });

  it('decodes UTF-8 characters split across chunks', async () => {
    const text = '<?xml version="1.0" encoding="UTF-8"?><R><N>Hélène Œdipe 😀</N></R>';
    for (const size of [1, 2, 5]) {
      const { found } = await records(chunked('utf8.xml', text, size), ['R/N']);
      expect(found[0].node.text).toBe('Hélène Œdipe 😀');
    }
  });

  it('keeps only the records asked for, as small trees with attributes and lines', async () => {
    const text = '<R>\n<KEEP ID="1">\n<A>x</A>\n<B><C> y </C></B>\n</KEEP>\n<SKIP><KEEP ID="2"/></SKIP>\n<KEEP ID="3"/>\n</R>';
    const { found } = await records(chunked('t.xml', text), ['R/KEEP']);
    expect(found.map((record) => record.node.attributes.ID)).toEqual(['1', '3']);
    expect(childText(found[0].node, 'A')).toBe('x');
    expect(found[0].node.children[1].children[0]).toMatchObject({ name: 'C', text: ' y ', line: 4 });
  });

  it('refuses what is not XML, naming the file', async () => {
    const error = await unusable(openXml(chunked('eleves.csv', 'NOM;PRENOM\nDUPONT;Jean\n'), new Set()));
    expect(error.reason).toBe('not_xml');
    expect(error.message).toContain('eleves.csv');
    expect((await unusable(openXml(chunked('empty.xml', ''), new Set()))).reason).toBe('not_xml');
  });

  it('refuses a truncated file instead of returning part of it', async () => {
    const input = chunked('cut.xml', '<R><N>1</N><N>2</N><N>3', 4);
    const error = await unusable(records(input, ['R/N']));
    expect(error.reason).toBe('malformed_xml');
  });

  it('refuses bytes that are not in the declared encoding', async () => {
    const latin1 = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><R><N>Hélène</N></R>', 'latin1');
    expect((await unusable(records(chunked('mislabelled.xml', latin1), ['R/N']))).reason).toBe('bad_encoding');
    const strange = chunked('ebcdic.xml', '<?xml version="1.0" encoding="X-NOT-AN-ENCODING"?><R/>');
    expect((await unusable(records(strange, []))).reason).toBe('unsupported_encoding');
  });
});

describe('dates', () => {
  it('turns dd/mm/yyyy and yyyy-mm-dd into YYYY-MM-DD', () => {
    expect(toIsoDate('14/03/2013')).toBe('2013-03-14');
    expect(toIsoDate('1/9/2013')).toBe('2013-09-01');
    expect(toIsoDate('1980-05-17')).toBe('1980-05-17');
    expect(toIsoDate('29/02/2012')).toBe('2012-02-29');
  });
  it('refuses impossible or malformed dates', () => {
    for (const value of ['31/02/2013', '29/02/2013', '1985-13-01', '00/01/2013', '2013', '14-03-2013', '']) {
      expect(toIsoDate(value)).toBeNull();
    }
  });
  it('reads the first year of a school year', () => {
    expect(toSchoolYear('2025')).toBe(2025);
    expect(toSchoolYear('2025-2026')).toBe(2025);
    expect(toSchoolYear(null)).toBeNull();
  });
});

describe('names', () => {
  it('gives upper-case first names a display case', () => {
    expect(displayFirstName('JEAN-PIERRE')).toBe('Jean-Pierre');
    expect(displayFirstName(' ÉLODIE  MARIE ')).toBe('Élodie Marie');
    expect(displayFirstName('ŒNONE')).toBe('Œnone');
  });
  it('keeps mixed-case first names and last names as written', () => {
    expect(displayFirstName('McKenzie')).toBe('McKenzie');
    expect(cleanName('  DE LA  FONTAINE ')).toBe('DE LA FONTAINE');
  });
});
