/** One CSV line (RFC 4180): a field holding a comma, a quote, a line break or edge spaces is quoted. */
export function csvLine(values: readonly (string | number | null | undefined)[]): string {
  return `${values
    .map((value) => {
      const text = value === null || value === undefined ? '' : String(value);
      return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(',')}\r\n`;
}

/** A OneRoster list: values separated by commas inside one field (csvLine quotes it). */
export const list = (values: readonly string[]) => values.join(',');
