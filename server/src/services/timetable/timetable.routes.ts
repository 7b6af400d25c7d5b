import {
  CalendarFeed,
  CalendarSettings,
  EstablishmentParams,
  ExceptionParams,
  HolidayParams,
  LessonException,
  NewHoliday,
  NewRoom,
  NewSlot,
  RoomList,
  RoomRef,
  SchoolCalendar,
  Slot,
  SlotList,
  SlotParams,
  SlotPatch,
  SlotsQuery,
  Timetable,
  TimetableChoices,
  TimetableImportQuery,
  TimetableImportReport,
  TimetableQuery,
} from '@preau/contracts';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor } from '../../kernel/auth/guard.js';
import type { AppContext } from '../../kernel/context.js';
import { AppError, badRequest, notFound } from '../../kernel/errors/app-error.js';
import { findEstablishment } from '../directory/index.js';
import { addHoliday, removeHoliday, saveCalendar, schoolCalendar } from './calendar/calendar.js';
import { parisToday } from './calendar/dates.js';
import { feedOwner, feedToken, revokeFeed } from './feed/feed-tokens.js';
import { buildFeed } from './feed/ical.js';
import { importTimetable } from './import/timetable-import.js';
import { clearException, createRoom, createSlot, deleteSlot, listSlots, roomRows, setException, updateSlot } from './timetable.slots.js';
import { timetableChoices, timetableView } from './timetable.views.js';

const tags = ['timetable'];
const base = '/api/timetable/establishments/:establishmentId';
const read = 'timetable.read' as const;
const manage = 'timetable.manage' as const;
const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** The address a phone subscribes to: the configured public URL, else the one this request came by. */
function feedUrl(ctx: AppContext, request: FastifyRequest, token: string): string {
  const origin = ctx.config.publicUrl?.replace(/\/+$/, '') ?? `${request.protocol}://${request.host}`;
  return `${origin}/api/timetable/feed/${token}.ics`;
}

export function timetableRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', async (request) => {
      const { establishmentId } = (request.params ?? {}) as { establishmentId?: string };
      if (establishmentId && !(await findEstablishment(ctx.db, establishmentId))) throw notFound('directory.establishment_not_found');
    });
    const today = () => parisToday(ctx.clock.now());

    app.get(`${base}/view`, { config: { right: read }, schema: { tags, params: EstablishmentParams, querystring: TimetableQuery, response: { 200: Timetable } } }, async (request) =>
      timetableView(ctx, requireActor(request), request.params.establishmentId, request.query),
    );
    app.get(`${base}/choices`, { config: { right: read }, schema: { tags, params: EstablishmentParams, response: { 200: TimetableChoices } } }, async (request) =>
      timetableChoices(ctx, requireActor(request), request.params.establishmentId),
    );
    app.get(`${base}/calendar`, { config: { right: read }, schema: { tags, params: EstablishmentParams, response: { 200: SchoolCalendar } } }, async (request) =>
      schoolCalendar(ctx, request.params.establishmentId, today()),
    );

    // Staff editing: slots, one day's exceptions, rooms, the calendar, imports.
    app.get(`${base}/slots`, { config: { right: manage }, schema: { tags, params: EstablishmentParams, querystring: SlotsQuery, response: { 200: SlotList } } }, async (request) => ({
      items: await listSlots(ctx, request.params.establishmentId, request.query),
    }));
    app.post(`${base}/slots`, { config: { right: manage }, schema: { tags, params: EstablishmentParams, body: NewSlot, response: { 201: Slot } } }, async (request, reply) =>
      reply.status(201).send(await createSlot(ctx, request.params.establishmentId, request.body)),
    );
    app.patch(`${base}/slots/:slotId`, { config: { right: manage }, schema: { tags, params: SlotParams, body: SlotPatch, response: { 200: Slot } } }, async (request) =>
      updateSlot(ctx, request.params.establishmentId, request.params.slotId, request.body),
    );
    app.delete(`${base}/slots/:slotId`, { config: { right: manage }, schema: { tags, params: SlotParams } }, async (request, reply) => {
      await deleteSlot(ctx, request.params.establishmentId, request.params.slotId);
      return reply.status(204).send();
    });
    app.put(`${base}/slots/:slotId/exceptions/:date`, { config: { right: manage }, schema: { tags, params: ExceptionParams, body: LessonException } }, async (request, reply) => {
      const { establishmentId, slotId, date } = request.params;
      await setException(ctx, requireActor(request), establishmentId, slotId, date, request.body);
      return reply.status(204).send();
    });
    app.delete(`${base}/slots/:slotId/exceptions/:date`, { config: { right: manage }, schema: { tags, params: ExceptionParams } }, async (request, reply) => {
      const { establishmentId, slotId, date } = request.params;
      await clearException(ctx, establishmentId, slotId, date);
      return reply.status(204).send();
    });
    app.get(`${base}/rooms`, { config: { right: read }, schema: { tags, params: EstablishmentParams, response: { 200: RoomList } } }, async (request) => ({
      items: await roomRows(ctx.db, request.params.establishmentId),
    }));
    app.post(`${base}/rooms`, { config: { right: manage }, schema: { tags, params: EstablishmentParams, body: NewRoom, response: { 201: RoomRef } } }, async (request, reply) =>
      reply.status(201).send(await createRoom(ctx, request.params.establishmentId, request.body)),
    );
    app.put(`${base}/calendar`, { config: { right: manage }, schema: { tags, params: EstablishmentParams, body: CalendarSettings, response: { 200: SchoolCalendar } } }, async (request) =>
      saveCalendar(ctx, requireActor(request), request.params.establishmentId, request.body),
    );
    app.post(`${base}/calendar/holidays`, { config: { right: manage }, schema: { tags, params: EstablishmentParams, body: NewHoliday, response: { 201: SchoolCalendar } } }, async (request, reply) =>
      reply.status(201).send(await addHoliday(ctx, requireActor(request), request.params.establishmentId, request.body, today())),
    );
    app.delete(`${base}/calendar/holidays/:holidayId`, { config: { right: manage }, schema: { tags, params: HolidayParams, response: { 200: SchoolCalendar } } }, async (request) =>
      removeHoliday(ctx, request.params.establishmentId, request.params.holidayId, today()),
    );
    app.post(`${base}/import`, { config: { right: manage }, schema: { tags, params: EstablishmentParams, querystring: TimetableImportQuery, response: { 200: TimetableImportReport } } }, async (request) => {
      if (!request.isMultipart()) throw badRequest('validation.failed', [{ field: 'body.file', issue: 'required' }]);
      const part = await request.file({ limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } });
      if (!part) throw badRequest('validation.failed', [{ field: 'body.file', issue: 'required' }]);
      let bytes: Buffer;
      try {
        bytes = await part.toBuffer();
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('request.too_large', 413);
        throw error;
      }
      return importTimetable(ctx, request.params.establishmentId, request.query.source, { name: part.filename, bytes }, request.query.apply === 'true');
    });

    // The personal calendar feed: the URL for the signed-in person, renewal, revocation, and the feed itself.
    app.get('/api/timetable/feed', { config: { right: read }, schema: { tags, response: { 200: CalendarFeed } } }, async (request) => ({
      url: feedUrl(ctx, request, await feedToken(ctx.db, ctx.clock, requireActor(request).personId)),
    }));
    app.post('/api/timetable/feed/renew', { config: { right: read }, schema: { tags, response: { 200: CalendarFeed } } }, async (request) => ({
      url: feedUrl(ctx, request, await feedToken(ctx.db, ctx.clock, requireActor(request).personId, true)),
    }));
    app.delete('/api/timetable/feed', { config: { right: read }, schema: { tags } }, async (request, reply) => {
      await revokeFeed(ctx.db, requireActor(request).personId);
      return reply.status(204).send();
    });
    // No cookie here: calendar apps fetch it on their own. The token in the path is the only key.
    app.get('/api/timetable/feed/:token', { config: { public: true }, schema: { tags, params: z.object({ token: z.string().max(100) }) } }, async (request, reply) => {
      const owner = await feedOwner(ctx.db, ctx.clock, request.params.token.replace(/\.ics$/, ''));
      if (!owner) throw notFound('timetable.feed_not_found');
      const body = await buildFeed(ctx, owner);
      return reply
        .header('cache-control', 'private, max-age=900')
        .header('x-robots-tag', 'noindex')
        .type('text/calendar; charset=utf-8')
        .send(body);
    });
  };
}
