import { describe, expect, it } from 'vitest';
import { htmlToText, textToHtml } from './rich-text';

describe('the cahier de textes editor’s text', () => {
  it('makes one paragraph per line, escapes markup and turns web addresses into links', () => {
    expect(textToHtml('Exercice 4 <script>alert(1)</script>\n\n  Voir https://example.org/fiche?a=1&b=2  ')).toBe(
      '<p>Exercice 4 &lt;script&gt;alert(1)&lt;/script&gt;</p><p>Voir <a href="https://example.org/fiche?a=1&amp;b=2">https://example.org/fiche?a=1&amp;b=2</a></p>',
    );
    expect(textToHtml('   ')).toBe('');
  });

  it('gives the text back for editing, a line per paragraph', () => {
    expect(htmlToText('<p>Première ligne</p><p>Deuxième <strong>ligne</strong></p><ul><li>un</li><li>deux</li></ul>')).toBe('Première ligne\nDeuxième ligne\nun\ndeux');
    expect(htmlToText(textToHtml('a < b\nc'))).toBe('a < b\nc');
  });
});
