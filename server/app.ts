/** createApp(deps): middleware, the one error handler, and every feature mounted with app.route(). */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { adminPages } from '../web/admin/admin.routes.js';
import { apiDocsPages } from '../web/api-docs/routes.js';
import { outboxPages } from '../web/admin/outbox.js';
import { followupPages } from '../web/followup/routes.js';
import { ratePages } from '../web/followup/rate.routes.js';
import { enterprisePages } from '../web/enterprises/routes.js';
import { appErrors, appNotFound } from '../web/html-errors.js';
import { webRoutes } from '../web/routes.js';
import { reportPages } from '../web/stats/report-routes.js';
import { handoverPages } from '../web/staff/handover.routes.js';
import { staffLoginPages } from '../web/staff/login.routes.js';
import { staffPages } from '../web/staff/routes.js';
import { statsPages } from '../web/stats/routes.js';
import { attachmentRoutes } from './attachments/attachments.routes.js';
import { createUploadGate, isFormUploadPath, isUploadRequest, uploadBodyLimit } from './attachments/limits.js';
import type { Deps } from './deps.js';
import { adminRoutes } from './admin/admin.routes.js';
import { openApiRoutes } from './api-docs/openapi.routes.js';
import { caseRoutes } from './cases/cases.routes.js';
import { overviewRoutes } from './cases/overview.routes.js';
import { directoryRoutes } from './directory/directory.routes.js';
import { enterpriseRoutes } from './enterprises/enterprises.routes.js';
import { followupRoutes } from './followup/followup.routes.js';
import { createReceiptThrottle } from './followup/receipt-throttle.js';
import { AppError, errorBody } from './errors.js';
import { intakeRoutes } from './intake/intake.routes.js';
import { outboxRoutes } from './notify/outbox.routes.js';
import { open311Routes } from './open311/open311.routes.js';
import { rewardRoutes } from './rewards/rewards.routes.js';
import { reportRoutes } from './stats/reports.routes.js';
import { ratingLinkRoutes, rehandleRoutes } from './satisfaction/satisfaction.routes.js';
import { signalRoutes } from './signals/signals.routes.js';
import { identityRoutes } from './identity/identity.routes.js';
import { staffAuthRoutes } from './staff/auth.routes.js';
import { statsRoutes } from './stats/stats.routes.js';
import { createLoginThrottle } from './staff/throttle.js';

/** Every answer's security headers: scripts, styles and forms from this site only, never framed. */
const SECURITY_HEADERS = {
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
    formAction: ["'self'"],
    baseUri: ["'none'"],
  },
  referrerPolicy: 'no-referrer',
};

export function createApp(deps: Deps) {
  const app = new Hono();

  app.use('*', secureHeaders(SECURITY_HEADERS));
  // Refuses an oversized body as it streams in, before it is read whole. Only a multipart case
  // submission (API and form) gets room for its attachments; every other body keeps the small limit.
  const limit = (maxSize: number) => bodyLimit({
    maxSize,
    onError: () => {
      throw new AppError('payload_too_large', `The body is larger than ${maxSize} bytes.`);
    },
  });
  const bodyLimitDefault = limit(deps.config.INTAKE_MAX_BODY_BYTES);
  const uploadGate = createUploadGate(deps.config.INTAKE_MAX_UPLOADS_IN_FLIGHT);
  app.use('*', (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return next();
    const upload = isUploadRequest(method, c.req.path, c.req.header('content-type'));
    // A declared length is checked without touching the body: on Node, asking for the body stream
    // builds a full fetch Request, and the direct read of the socket is lost on every request.
    // The HTTP parser delivers no more than Content-Length, so the check is as strict.
    const length = c.req.header('content-length');
    const declared = length !== undefined && /^\d+$/.test(length) && c.req.header('transfer-encoding') === undefined;
    if (declared) {
      const maxSize = upload ? uploadBodyLimit(deps.config) : deps.config.INTAKE_MAX_BODY_BYTES;
      if (Number(length) > maxSize) throw new AppError('payload_too_large', `The body is larger than ${maxSize} bytes.`);
    }
    // An upload is never buffered here: its reader (attachments/multipart.ts) counts the bytes as
    // they stream in and stops at its limit; the gate bounds how many are read at once (the public
    // form passes its uploads through the same gate in its route, so a refusal is a page).
    if (upload) return isFormUploadPath(c.req.path) ? next() : uploadGate(next);
    return declared ? next() : bodyLimitDefault(c, next);
  });

  // Shared by the API login and the login form, so both count the same failures.
  const staffLogins = createLoginThrottle(deps.config, deps.sha256);
  const receiptThrottle = createReceiptThrottle(deps.config, deps.sha256);
  const api = new Hono();
  api.route('/', directoryRoutes(deps)).route('/', statsRoutes(deps));
  api.route('/', intakeRoutes(deps)).route('/enterprises', enterpriseRoutes(deps));
  api.route('/staff', staffAuthRoutes(deps, staffLogins));
  api.route('/staff/cases', caseRoutes(deps));
  api.route('/staff/cases', attachmentRoutes(deps));
  api.route('/staff', identityRoutes(deps));
  api.route('/staff', rewardRoutes(deps)).route('/staff', rehandleRoutes(deps)).route('/staff/signals', signalRoutes(deps)).route('/rate', ratingLinkRoutes(deps));
  api.route('/followup', followupRoutes(deps, receiptThrottle));
  api.route('/staff/overview', overviewRoutes(deps));
  api.route('/admin/outbox', outboxRoutes(deps));
  api.route('/admin', adminRoutes(deps));
  api.route('/', reportRoutes(deps));
  api.get('/health', (c) => c.json({ ok: true }));
  api.route('/', openApiRoutes());
  api.notFound((c) => c.json(errorBody('not_found', `No such endpoint: ${c.req.method} ${c.req.path}`), 404));
  app.route('/api/v1', api);
  // Before the /staff mounts: the workspace must not answer for /staff/admin paths.
  app.route('/staff/admin/outbox', outboxPages(deps));
  app.route('/staff/admin', adminPages(deps));
  app.route('/staff', staffLoginPages(deps, staffLogins));
  app.route('/staff', handoverPages(deps));
  app.route('/staff', staffPages(deps));
  app.route('/followup', followupPages(deps, receiptThrottle, uploadGate));
  app.route('/stats/reports', reportPages(deps));
  app.route('/api/docs', apiDocsPages()).route('/open311/v2', open311Routes(deps)).route('/rate', ratePages(deps)).route('/enterprises', enterprisePages(deps));
  app.route('/', statsPages(deps)).route('/', webRoutes(deps, uploadGate));

  // A browser gets a page in the site's frame (web/html-errors.tsx); the API and other clients JSON.
  app.notFound(appNotFound(deps));
  app.onError(appErrors(deps));
  return app;
}

export type App = ReturnType<typeof createApp>;
