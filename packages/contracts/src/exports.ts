import { z } from 'zod';

/**
 * `GET …/exports/oneroster`: birth dates (demographics.csv) travel only when asked for with
 * `demographics=true`; anything else than true/false is refused (400), never guessed.
 */
export const OneRosterExportQuery = z.object({
  demographics: z.enum(['true', 'false']).default('false'),
});
export type OneRosterExportQuery = z.infer<typeof OneRosterExportQuery>;
