import { startDeadlineSchedule, type DeadlineSchedule } from '../leads/deadlineSchedule.js';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AppContext } from '../appContext.js';
import { scopeOf } from '../auth/scope.js';
import { JianduError } from '../core/errors.js';
import { redactText } from '../core/redact.js';
import { JobWorker, type WorkerOptions } from '../jobs/jobWorker.js';
import { jobTasks } from '../jobTasks.js';
import { readSetting, settingKeys } from '../settings/settingsRepository.js';
import { auditRoutes } from './audit/route.js';
import { batchRoutes } from './batches/route.js';
import { datasetRoutes } from './datasets/route.js';
import { exchangeRoutes } from './exchange/route.js';
import { importRoutes } from './imports/route.js';
import { scanRoutes } from './scans/route.js';
import { warningRoutes } from './warnings/route.js';
import { ruleRoutes } from './rules/route.js';
import { divisionRoutes } from './divisions/route.js';
import { installErrorHandler, sendError } from './errorHandler.js';
import { healthRoutes } from './health/route.js';
import { leadRoutes } from './leads/route.js';
import { meRoutes } from './me/route.js';
import { portalRoutes } from './portal/route.js';
import { defaultBodyLimit, type Access, type RouteServices } from './routeKit.js';
import { sessionRoutes } from './session/route.js';
import { userRoutes } from './users/route.js';
import { RequestLogController, type FastifyLoggerSetting } from './serverLogger.js';
import { defaultWebRoot, serveWebAssets } from './webAssets.js';

/** Every route the server registered, with the access defineRoute declared (if any). */
export interface RegisteredRoute {
  method: string;
  url: string;
  access: Access | undefined;
  schema: { params?: unknown; querystring?: unknown; body?: unknown };
}

declare module 'fastify' {
  interface FastifyInstance {
    routeCatalogue: RegisteredRoute[];
  }
}

export interface ServerOptions {
  /** Where the log goes (the `serve` command, see serverLogger); tests run without one. */
  logger?: FastifyLoggerSetting | false;
  webRoot?: string;
  /** The background worker's settings (tests make it poll more often). */
  jobs?: WorkerOptions;
}

/** Every API resource, each registering its routes through defineRoute. */
const resources = [
  healthRoutes,
  sessionRoutes,
  meRoutes,
  userRoutes,
  divisionRoutes,
  auditRoutes,
  datasetRoutes,
  importRoutes,
  batchRoutes,
  exchangeRoutes,
  warningRoutes,
  ruleRoutes,
  leadRoutes,
  scanRoutes,
  portalRoutes,
];

export async function buildServer(
  app: AppContext,
  options: ServerOptions = {},
): Promise<FastifyInstance> {
  const root = await readSetting<string>(app.handle.db, settingKeys.rootJurisdiction);
  if (root === undefined) throw new JianduError('DB_NOT_INITIALISED');
  const fastify = Fastify({
    trustProxy: app.config.trustProxy,
    // Small by default; routes that take more say so (defineRoute's bodyLimit).
    bodyLimit: defaultBodyLimit,
    logger: options.logger
      ? {
          ...options.logger,
          serializers: {
            // Query strings may carry identifiers: the log keeps them masked.
            req: (req: { method: string; url: string; ip?: string }) => ({
              method: req.method,
              url: redactText(req.url),
              ip: req.ip,
            }),
          },
        }
      : false,
    logController: new RequestLogController(),
    // Errors met before routing (a bad escape in the address) get the same JSON answer.
    frameworkErrors: sendError,
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, useDefaults: true } },
  });
  installErrorHandler(fastify);
  fastify.decorate('routeCatalogue', [] as RegisteredRoute[]);
  fastify.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      fastify.routeCatalogue.push({
        method,
        url: route.url,
        access: route.config?.access,
        schema: route.schema ?? {},
      });
    }
  });
  await fastify.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design writes its styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        // Counties often serve over plain HTTP on their own network.
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await fastify.register(fastifyRateLimit, { global: false });
  // Uploads arrive as the file's bytes; the import route streams them to a private file.
  fastify.addContentTypeParser('application/octet-stream', (_request, payload, done) => {
    done(null, payload);
  });
  await fastify.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Jiandu API',
        description:
          '“互联网+监督” platform: collection, cross-checks, warnings and leads for livelihood funds',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'jiandu_session' },
          exchange: { type: 'http', scheme: 'bearer' },
        },
      },
    },
  });
  const jobs = new JobWorker(app, jobTasks, {
    log: (message, detail) =>
      fastify.log.error({
        ...Object.fromEntries(Object.entries(detail).map(([k, v]) => [k, redactText(String(v))])),
        message,
      }),
    ...options.jobs,
  });
  const services: RouteServices = { app, rootScope: scopeOf(root), jobs };
  for (const register of resources) register(fastify, services);
  // The worker starts after the routes' start-up clean-up, and its running jobs end before
  // the server lets go of the database (what is queued waits for the next worker).
  let deadlines: DeadlineSchedule | null = null;
  fastify.addHook('onReady', () => {
    jobs.start();
    deadlines = startDeadlineSchedule(app, jobs, (error) =>
      fastify.log.error({ message: 'deadline check', error: redactText(String(error)) }),
    );
    return Promise.resolve();
  });
  fastify.addHook('onClose', () => {
    deadlines?.stop();
    return jobs.stop();
  });
  await serveWebAssets(fastify, options.webRoot ?? defaultWebRoot);
  return fastify;
}
