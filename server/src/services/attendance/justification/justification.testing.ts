import type { Db } from '../../../kernel/db/database.js';
import { newId } from '../../../kernel/ids.js';

type Part = { name: string; value: string } | { name: string; filename: string; type: string; bytes: Buffer };

/** A multipart body with text fields and files, as a browser's FormData sends it. */
export function multipart(parts: Part[]) {
  const boundary = '----preau-justification-boundary';
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const head = 'filename' in part ? `Content-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\nContent-Type: ${part.type}` : `Content-Disposition: form-data; name="${part.name}"`;
    chunks.push(Buffer.from(`--${boundary}\r\n${head}\r\n\r\n`), 'filename' in part ? part.bytes : Buffer.from(part.value), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** An attendance event as a register or vie scolaire would write it (tests only). */
export async function insertEvent(
  db: Db,
  e: { studentId: string; kind?: 'absence' | 'late' | 'left_early'; startsAt: string; endsAt: string; minutes?: number; source?: string; justification?: string; createdAt?: string; establishmentId?: string },
): Promise<string> {
  const id = newId();
  const at = e.createdAt ?? '2026-11-25T09:00:00.000Z';
  await db
    .insertInto('attendance_events')
    .values({
      id,
      establishment_id: e.establishmentId ?? 'etab-a',
      student_id: e.studentId,
      kind: e.kind ?? 'absence',
      starts_at: e.startsAt,
      ends_at: e.endsAt,
      minutes: e.minutes ?? null,
      reason_id: null,
      justification: e.justification ?? 'unjustified',
      source: e.source ?? 'register',
      register_id: null,
      collective_id: null,
      comment: null,
      flag: null,
      created_by: 'theo',
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}
