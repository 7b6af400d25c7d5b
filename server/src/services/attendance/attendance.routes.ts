import {
  AttendanceEvent,
  AttendanceEvents,
  AttendanceReason,
  AttendanceReasons,
  AttendanceSettings,
  Collective,
  CollectiveParams,
  Collectives,
  DateQuery,
  EstablishmentParams,
  EventParams,
  Exemption,
  ExemptionParams,
  Exemptions,
  ExemptionsQuery,
  ForgottenRegisters,
  NewAttendanceReason,
  NewCollective,
  NewExemption,
  NewStaffEvent,
  OpenRegister,
  RangeQuery,
  ReasonParams,
  Register,
  RegisterLessons,
  RegisterMarks,
  RegisterParams,
  StudentAttendance,
  StudentParams,
} from '@preau/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../kernel/auth/guard.js';
import type { AppContext } from '../../kernel/context.js';
import { notFound } from '../../kernel/errors/app-error.js';
import { findEstablishment } from '../directory/index.js';
import { declareCollective, createExemption, deleteCollective, deleteExemption, listCollectives, listExemptions } from './attendance.collectives.js';
import { deleteStaffEvent, eventsOfDay, recordStaffEvent, studentAttendance } from './attendance.events.js';
import { forgottenRegisters } from './attendance.forgotten.js';
import { createReason, deleteReason, listReasons, readSettings, updateReason, writeSettings } from './attendance.reasons.js';
import { openRegister, readRegister, registerLessons, saveRegister } from './attendance.registers.js';

const tags = ['attendance'];
const base = '/api/attendance/establishments/:establishmentId';

/** Registers (teachers and vie scolaire), vie scolaire's day, reasons and settings, a student's absences. */
export function attendanceRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('preHandler', async (request) => {
      const { establishmentId } = (request.params ?? {}) as { establishmentId?: string };
      if (establishmentId && !(await findEstablishment(ctx.db, establishmentId))) throw notFound('directory.establishment_not_found');
    });

    // ——— Registers ———
    app.get(`${base}/lessons`, { config: { right: 'attendance.registers' }, schema: { tags, params: EstablishmentParams, querystring: DateQuery, response: { 200: RegisterLessons } } }, async (request) =>
      registerLessons(ctx, requireActor(request), request.params.establishmentId, request.query.date),
    );
    app.post(`${base}/registers`, { config: { right: 'attendance.registers' }, schema: { tags, params: EstablishmentParams, body: OpenRegister, response: { 200: Register } } }, async (request) =>
      openRegister(ctx, requireActor(request), request.params.establishmentId, request.body.slotId, request.body.date),
    );
    app.get(`${base}/registers/:registerId`, { config: { right: 'attendance.registers' }, schema: { tags, params: RegisterParams, response: { 200: Register } } }, async (request) =>
      readRegister(ctx, requireActor(request), request.params.establishmentId, request.params.registerId),
    );
    app.put(`${base}/registers/:registerId/marks`, { config: { right: 'attendance.registers' }, schema: { tags, params: RegisterParams, body: RegisterMarks, response: { 200: Register } } }, async (request) =>
      saveRegister(ctx, requireActor(request), request.params.establishmentId, request.params.registerId, request.body, false),
    );
    app.post(`${base}/registers/:registerId/submit`, { config: { right: 'attendance.registers' }, schema: { tags, params: RegisterParams, body: RegisterMarks, response: { 200: Register } } }, async (request) =>
      saveRegister(ctx, requireActor(request), request.params.establishmentId, request.params.registerId, request.body, true),
    );

    // ——— Vie scolaire ———
    app.get(`${base}/forgotten`, { config: { right: 'attendance.manage' }, schema: { tags, params: EstablishmentParams, querystring: DateQuery, response: { 200: ForgottenRegisters } } }, async (request) =>
      forgottenRegisters(ctx, request.params.establishmentId, request.query.date),
    );
    app.get(`${base}/events`, { config: { right: 'attendance.manage' }, schema: { tags, params: EstablishmentParams, querystring: DateQuery, response: { 200: AttendanceEvents } } }, async (request) =>
      eventsOfDay(ctx, request.params.establishmentId, request.query.date),
    );
    app.post(`${base}/events`, { config: { right: 'attendance.manage' }, schema: { tags, params: EstablishmentParams, body: NewStaffEvent, response: { 201: AttendanceEvent } } }, async (request, reply) =>
      reply.status(201).send(await recordStaffEvent(ctx, requireActor(request), request.params.establishmentId, request.body)),
    );
    app.delete(`${base}/events/:eventId`, { config: { right: 'attendance.manage' }, schema: { tags, params: EventParams } }, async (request, reply) => {
      await deleteStaffEvent(ctx, request.params.establishmentId, request.params.eventId);
      return reply.status(204).send();
    });
    app.get(`${base}/collectives`, { config: { right: 'attendance.manage' }, schema: { tags, params: EstablishmentParams, querystring: DateQuery, response: { 200: Collectives } } }, async (request) =>
      listCollectives(ctx, request.params.establishmentId, request.query.date),
    );
    app.post(`${base}/collectives`, { config: { right: 'attendance.manage' }, schema: { tags, params: EstablishmentParams, body: NewCollective, response: { 201: Collective } } }, async (request, reply) =>
      reply.status(201).send(await declareCollective(ctx, requireActor(request), request.params.establishmentId, request.body)),
    );
    app.delete(`${base}/collectives/:collectiveId`, { config: { right: 'attendance.manage' }, schema: { tags, params: CollectiveParams } }, async (request, reply) => {
      await deleteCollective(ctx, request.params.establishmentId, request.params.collectiveId);
      return reply.status(204).send();
    });
    app.get(`${base}/exemptions`, { config: { right: 'attendance.manage' }, schema: { tags, params: EstablishmentParams, querystring: ExemptionsQuery, response: { 200: Exemptions } } }, async (request) =>
      listExemptions(ctx, request.params.establishmentId, request.query),
    );
    app.post(`${base}/exemptions`, { config: { right: 'attendance.manage' }, schema: { tags, params: EstablishmentParams, body: NewExemption, response: { 201: Exemption } } }, async (request, reply) =>
      reply.status(201).send(await createExemption(ctx, requireActor(request), request.params.establishmentId, request.body)),
    );
    app.delete(`${base}/exemptions/:exemptionId`, { config: { right: 'attendance.manage' }, schema: { tags, params: ExemptionParams } }, async (request, reply) => {
      await deleteExemption(ctx, request.params.establishmentId, request.params.exemptionId);
      return reply.status(204).send();
    });

    // ——— A student's absences (the student, their relatives, vie scolaire) ———
    app.get(`${base}/students/:studentId`, { config: { right: 'attendance.read' }, schema: { tags, params: StudentParams, querystring: RangeQuery, response: { 200: StudentAttendance } } }, async (request) =>
      studentAttendance(ctx, requireActor(request), request.params.establishmentId, request.params.studentId, request.query),
    );

    // ——— Reasons and settings ———
    // Teachers read the reasons too (the register shows them); only vie scolaire and administrators change them.
    app.get(`${base}/reasons`, { config: { right: 'attendance.registers' }, schema: { tags, params: EstablishmentParams, response: { 200: AttendanceReasons } } }, async (request) => ({
      reasons: await listReasons(ctx, request.params.establishmentId),
    }));
    app.post(`${base}/reasons`, { config: { right: 'attendance.settings' }, schema: { tags, params: EstablishmentParams, body: NewAttendanceReason, response: { 201: AttendanceReason } } }, async (request, reply) =>
      reply.status(201).send(await createReason(ctx, request.params.establishmentId, request.body)),
    );
    app.put(`${base}/reasons/:reasonId`, { config: { right: 'attendance.settings' }, schema: { tags, params: ReasonParams, body: NewAttendanceReason, response: { 200: AttendanceReason } } }, async (request) =>
      updateReason(ctx, request.params.establishmentId, request.params.reasonId, request.body),
    );
    app.delete(`${base}/reasons/:reasonId`, { config: { right: 'attendance.settings' }, schema: { tags, params: ReasonParams } }, async (request, reply) => {
      await deleteReason(ctx, request.params.establishmentId, request.params.reasonId);
      return reply.status(204).send();
    });
    app.get(`${base}/settings`, { config: { right: 'attendance.settings' }, schema: { tags, params: EstablishmentParams, response: { 200: AttendanceSettings } } }, async (request) =>
      readSettings(ctx, request.params.establishmentId),
    );
    app.put(`${base}/settings`, { config: { right: 'attendance.settings' }, schema: { tags, params: EstablishmentParams, body: AttendanceSettings, response: { 200: AttendanceSettings } } }, async (request) =>
      writeSettings(ctx, requireActor(request), request.params.establishmentId, request.body),
    );
  };
}
