import type { Readable } from 'node:stream';
import type { Clock } from '../../kernel/clock.js';
import type { Db } from '../../kernel/db/database.js';
import { recordAudit } from '../audit/index.js';
import type { ExportScope } from './exports.queries.js';
import { oneRosterEntries } from './oneroster/bundle.js';
import { zipStream } from './oneroster/zip.js';

export interface OneRosterExportRequest {
  scope: ExportScope;
  /** UAI of the exported establishment (names the file and the audit entry). */
  uai?: string;
  demographics: boolean;
  actorId: string | null;
  ip: string | null;
  /** How it was asked: the API, or the command line on the server. */
  via: 'api' | 'cli';
}

/**
 * Records the export in the audit log (who, what, with or without birth dates; never the data), then
 * returns the zip as a stream produced batch by batch while it is sent.
 */
export async function exportOneRoster(db: Db, clock: Clock, request: OneRosterExportRequest): Promise<{ fileName: string; stream: Readable }> {
  const now = clock.now();
  await recordAudit(db, clock, {
    action: 'export.oneroster',
    actorId: request.actorId,
    establishmentId: request.scope.kind === 'establishment' ? request.scope.establishmentId : null,
    ip: request.ip,
    details: { scope: request.scope.kind, uai: request.uai ?? null, demographics: request.demographics, via: request.via },
  });
  const date = now.toISOString().slice(0, 10);
  const fileName = `oneroster-${request.uai ?? 'plateforme'}-${date}.zip`;
  return { fileName, stream: zipStream(oneRosterEntries(db, { scope: request.scope, demographics: request.demographics, now }), now) };
}
