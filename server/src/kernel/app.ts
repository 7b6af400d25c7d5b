import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accountRoutes } from '../services/account/index.js';
import { adminGrants, adminRoutes, establishmentAdminsRoutes, lettersRoutes, peopleRoutes, servicesRoutes } from '../services/admin/index.js';
import { auditGrants, auditRoutes } from '../services/audit/index.js';
import { communicationGrants, communicationRoutes } from '../services/communication/index.js';
import { authGrants, authRoutes } from '../services/auth/index.js';
import { directoryGrants, directoryRoutes, establishmentsRoutes } from '../services/directory/index.js';
import { duplicatesGrants, duplicatesRoutes } from '../services/duplicates/index.js';
import { exportsGrants, exportsRoutes } from '../services/exports/index.js';
import { importsGrants, importsRoutes, registerImportJobs } from '../services/imports/index.js';
import { messagingFilesRoutes, messagingGrants, messagingRoutes } from '../services/messaging/index.js';
import { portalRoutes } from '../services/portal/index.js';
import { structuresGrants, structuresRoutes } from '../services/structures/index.js';
import { notificationsGrants, notificationsRoutes } from '../services/notifications/index.js';
import { timelineGrants, timelineRoutes } from '../services/timeline/index.js';
import { registerRetentionJobs, scheduleRetention } from '../services/retention/index.js';
import { timetableGrants, timetableRoutes } from '../services/timetable/index.js';
import { homeworkGrants, homeworkRoutes, scheduleArchivePurge, schedulePublications } from '../services/homework/index.js';
import { disciplineGrants, disciplineRoutes } from '../services/discipline/index.js';
import { gradesGrants, gradesRoutes, scheduleGradePublications } from '../services/grades/index.js';
import { attendanceGrants, attendanceRoutes, justificationGrants, justificationRoutes, scheduleForgottenRegisters, scheduleJustificationFollowUp } from '../services/attendance/index.js';
import { scheduleSkillPublications, skillsGrants, skillsRoutes } from '../services/skills/index.js';
import { reportCardsGrants, reportCardsRoutes, scheduleReportCardPublications } from '../services/report-cards/index.js';
import type { Config } from '../config.js';
import { guard } from './auth/guard.js';
import { installSecurityHeaders } from './http/security-headers.js';
import { SessionCache } from './auth/session-cache.js';
import { SessionStore } from './auth/session-store.js';
import { createInvalidationBus } from './cache/invalidation-bus.js';
import { Rights } from './auth/rights.js';
import { type Clock, systemClock } from './clock.js';
import type { AppContext } from './context.js';
import type { DatabaseHandle } from './db/database.js';
import { createJobQueue, type JobQueue } from './jobs/index.js';
import { createNotifier, type Notifier, type NotifyOptions, notifyOptionsFromEnv } from './notify/index.js';
import { installErrorHandler, sendNotFound } from './errors/error-handler.js';

export const allGrants = [authGrants, directoryGrants, adminGrants, auditGrants, importsGrants, exportsGrants, structuresGrants, duplicatesGrants, timelineGrants, notificationsGrants, communicationGrants, messagingGrants, timetableGrants, homeworkGrants, gradesGrants, attendanceGrants, justificationGrants, skillsGrants, disciplineGrants, reportCardsGrants];

export interface BuildOptions {
  config: Config;
  database: DatabaseHandle;
  clock?: Clock;
  logger?: boolean | object;
  jobs?: JobQueue;
  /** Run the job queue with the app (default). Tests that enqueue nothing leave it stopped. */
  startJobs?: boolean;
  /** Notification delivery settings (tests: a recording mailer, a local push service, short intervals). */
  notify?: Partial<NotifyOptions>;
}

export async function buildApp(options: BuildOptions): Promise<{ app: FastifyInstance; ctx: AppContext; notifier: Notifier }> {
  const { config, database } = options;
  const clock = options.clock ?? systemClock;
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  const invalidations = createInvalidationBus(config.redisUrl, (message) => app.log.warn(message), `${config.redisPrefix}:invalidate`);
  app.addHook('onReady', () => invalidations.ready());
  app.addHook('onClose', () => invalidations.close());
  const ctx: AppContext = {
    db: database.db,
    databaseKind: database.kind,
    clock,
    config,
    rights: new Rights(allGrants),
    jobs: options.jobs ?? createJobQueue(database, { clock }),
    sessions: new SessionStore(database.db, clock, config.session, new SessionCache(config.sessionCacheSeconds * 1000), invalidations),
  };
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  await app.register(cookie);
  await app.register(multipart);
  installSecurityHeaders(app, {
    // HSTS and upgrade-insecure-requests only when Préau is published over HTTPS: on a school's LAN
    // over plain HTTP they would make browsers request every asset over a TLS that does not exist.
    strictTransportSecurity: config.https ? undefined : false,
    contentSecurityPolicy: {
      directives: {
        upgradeInsecureRequests: config.https ? [] : null,
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  await app.register(swagger, {
    openapi: { info: { title: 'Préau API', version: '0.1.0' } },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  await app.register(guard, ctx);

  app.get(
    '/healthz',
    {
      config: { public: true },
      schema: { tags: ['health'], response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) }) } },
    },
    async () => {
      await ctx.db.selectFrom('establishments').select('id').limit(1).execute();
      return { status: 'ok' as const, database: ctx.databaseKind };
    },
  );
  for (const routes of [authRoutes, accountRoutes, portalRoutes, directoryRoutes, establishmentsRoutes, adminRoutes, lettersRoutes, peopleRoutes, servicesRoutes, establishmentAdminsRoutes, structuresRoutes, auditRoutes, importsRoutes, exportsRoutes, duplicatesRoutes, communicationRoutes, messagingRoutes, messagingFilesRoutes, timetableRoutes, homeworkRoutes, gradesRoutes, attendanceRoutes, justificationRoutes, skillsRoutes, disciplineRoutes, reportCardsRoutes]) {
    await app.register(routes(ctx));
  }
  const notifier = createNotifier(
    { db: ctx.db, kind: ctx.databaseKind, clock, jobs: ctx.jobs, log: (message) => app.log.warn(message) },
    { ...notifyOptionsFromEnv(process.env, config), ...options.notify },
  );
  app.addHook('onClose', () => notifier.stop());
  await app.register(timelineRoutes(ctx, notifier));
  await app.register(notificationsRoutes(ctx, notifier));

  registerImportJobs(ctx);
  registerRetentionJobs(ctx);
  if (options.startJobs !== false) {
    let stopSchedule = () => {};
    app.addHook('onReady', async () => {
      await ctx.jobs.start();
      const stopRetention = scheduleRetention(ctx);
      const stopPublications = schedulePublications(ctx);
      const stopArchivePurge = scheduleArchivePurge(ctx);
      const stopGradePublications = scheduleGradePublications(ctx);
      const stopSkillPublications = scheduleSkillPublications(ctx);
      const stopForgottenRegisters = scheduleForgottenRegisters(ctx);
      const stopJustificationFollowUp = scheduleJustificationFollowUp(ctx);
      const stopReportCardPublications = scheduleReportCardPublications(ctx);
      stopSchedule = () => {
        stopGradePublications();
        stopSkillPublications();
        stopForgottenRegisters();
        stopJustificationFollowUp();
        stopReportCardPublications();
        stopRetention();
        stopPublications();
        stopArchivePurge();
      };
      notifier.start();
    });
    app.addHook('onClose', async () => {
      stopSchedule();
      await ctx.jobs.stop();
    });
  }

  const hasWeb = existsSync(join(config.webDir, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: config.webDir, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    // Client-side routes get the web app; a missing asset (a path with an extension) is a real 404.
    const isPage = request.method === 'GET' && !path.startsWith('/api') && !path.startsWith('/healthz') && !/\.[a-z0-9]+$/i.test(path);
    if (hasWeb && isPage) return reply.type('text/html').sendFile('index.html');
    return sendNotFound(request, reply);
  });
  return { app, ctx, notifier };
}
