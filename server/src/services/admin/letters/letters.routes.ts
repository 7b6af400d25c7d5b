import { EstablishmentParams } from '@preau/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../../kernel/auth/guard.js';
import type { AppContext } from '../../../kernel/context.js';
import { notFound } from '../../../kernel/errors/app-error.js';
import { recordAudit } from '../../audit/index.js';
import { activationCodesCsv } from './letters.csv.js';
import { fileSlug } from './letters.format.js';
import { activationLettersPdf } from './letters.pdf.js';
import { type LetterBatch, findLetterGroup, loadLetterBatch } from './letters.queries.js';

/** To move to packages/contracts (directory.ts) as `GroupParams` when the contracts are next edited. */
const GroupParams = EstablishmentParams.extend({ groupId: z.string().min(1).max(64) });
type GroupParams = z.infer<typeof GroupParams>;

export interface LettersRoutesOptions {
  /** Tests read the PDF's content streams; production keeps them compressed. */
  compressPdf?: boolean;
}

type Format = 'pdf' | 'csv';

/**
 * Loads the class's batch and records the export before anything is sent: these files hold live
 * activation codes, so who printed which class, and when, must be traceable (the codes themselves
 * never go into the audit log).
 */
async function exportBatch(ctx: AppContext, request: FastifyRequest, params: GroupParams, format: Format): Promise<LetterBatch> {
  const actor = requireActor(request);
  const { establishmentId, groupId } = params;
  const group = await findLetterGroup(ctx.db, establishmentId, groupId);
  if (!group) throw notFound('directory.group_not_found');
  const batch = await loadLetterBatch(ctx.db, group, ctx.clock.now().toISOString());
  await recordAudit(ctx.db, ctx.clock, {
    action: 'admin.activation_letters.exported',
    actorId: actor.personId,
    establishmentId,
    ip: request.ip,
    details: { groupId, count: batch.letters.length, format },
  });
  return batch;
}

function attachment(reply: FastifyReply, contentType: string, fileName: string) {
  return reply
    .header('content-type', contentType)
    .header('content-disposition', `attachment; filename="${fileName}"`)
    // Live codes: no copy in the browser's cache or in a proxy.
    .header('cache-control', 'no-store');
}

/** Where families go to activate: the configured public address, else the one this request used. */
function publicUrlOf(ctx: AppContext, request: FastifyRequest): string {
  return ctx.config.publicUrl ?? `${request.protocol}://${request.host}`;
}

export function lettersRoutes(ctx: AppContext, options: LettersRoutesOptions = {}): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/admin/establishments/:establishmentId/groups/:groupId/activation-letters.pdf',
      {
        config: { right: 'admin.accounts.manage' },
        schema: {
          tags: ['admin'],
          summary: 'Activation letters of a class: one A4 page per account awaiting activation (PDF)',
          params: GroupParams,
        },
      },
      async (request, reply) => {
        const batch = await exportBatch(ctx, request, request.params, 'pdf');
        const pdf = await activationLettersPdf(batch, { publicUrl: publicUrlOf(ctx, request), compress: options.compressPdf ?? ctx.config.compressPdf });
        return attachment(reply, 'application/pdf', `codes-activation-${fileSlug(batch.groupName)}.pdf`).send(pdf);
      },
    );

    app.get(
      '/api/admin/establishments/:establishmentId/groups/:groupId/activation-codes.csv',
      {
        config: { right: 'admin.accounts.manage' },
        schema: {
          tags: ['admin'],
          summary: 'Activation codes of a class awaiting activation (CSV for spreadsheets)',
          params: GroupParams,
        },
      },
      async (request, reply) => {
        const batch = await exportBatch(ctx, request, request.params, 'csv');
        return attachment(reply, 'text/csv; charset=utf-8', `codes-activation-${fileSlug(batch.groupName)}.csv`).send(activationCodesCsv(batch));
      },
    );
  };
}
