import sanitizeHtml from 'sanitize-html';
import { fold } from '../directory/index.js';

/**
 * The rich text a message may hold: paragraphs, emphasis, lists, quotes and links (http, https,
 * mailto only, opened in a new tab without an opener). Anything else — scripts, styles, images that
 * would call a tracker, event handlers — is removed before the body is stored.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'ul', 'ol', 'li', 'blockquote', 'a', 'h2', 'h3', 'pre', 'code', 'hr'],
  allowedAttributes: { a: ['href', 'target', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { target: '_blank', rel: 'noopener noreferrer' }),
  },
};

export function sanitizeBody(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}

/** Plain text of a sanitised body: block ends become spaces, entities are decoded. */
export function textOf(html: string): string {
  const text = sanitizeHtml(html.replace(/<\/(p|li|h2|h3|blockquote|pre)>|<br\s*\/?>/gi, ' '), { allowedTags: [], allowedAttributes: {} });
  return text
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

export function previewOf(text: string): string {
  return text.length > 160 ? `${text.slice(0, 157).trimEnd()}…` : text;
}

/** What the owner's search matches: subject, text and the author's name, folded. */
export function searchTextOf(subject: string, text: string, authorName: string): string {
  return fold(`${subject} ${authorName} ${text}`).slice(0, 20_000);
}
