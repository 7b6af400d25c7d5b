import { badRequest } from '../errors/app-error.js';

/** Opaque cursor: the sort values of the last item returned, base64url-encoded JSON. */
export function encodeCursor(values: string[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, length: number): string[] | undefined {
  if (cursor === undefined) return undefined;
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === length && values.every((v) => typeof v === 'string')) {
      return values as string[];
    }
  } catch {
    // falls through to the 400 below
  }
  throw badRequest('validation.failed', [{ field: 'querystring.cursor', issue: 'invalid_cursor' }]);
}

/** Takes limit + 1 rows, returns the page and the cursor of the next one. */
export function paginate<T>(rows: T[], limit: number, cursorOf: (row: T) => string[]) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(cursorOf(last)) : null };
}
