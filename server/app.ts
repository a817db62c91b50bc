/** createApp(deps): middleware, the one error handler, and every feature mounted with app.route(). */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { webRoutes } from '../web/routes.js';
import { handoverPages } from '../web/staff/handover.routes.js';
import { staffLoginPages } from '../web/staff/login.routes.js';
import { staffPages } from '../web/staff/routes.js';
import type { Deps } from './deps.js';
import { adminRoutes } from './admin/admin.routes.js';
import { caseRoutes } from './cases/cases.routes.js';
import { overviewRoutes } from './cases/overview.routes.js';
import { directoryRoutes } from './directory/directory.routes.js';
import { followupRoutes } from './followup/followup.routes.js';
import { createReceiptThrottle } from './followup/receipt-throttle.js';
import { AppError, errorBody, handleError } from './errors.js';
import { intakeRoutes } from './intake/intake.routes.js';
import { identityRoutes } from './identity/identity.routes.js';
import { staffAuthRoutes } from './staff/auth.routes.js';
import { createLoginThrottle } from './staff/throttle.js';

export function createApp(deps: Deps) {
  const app = new Hono();

  app.use('*', secureHeaders({
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
  }));
  // Refuses an oversized body as it streams in, before it is read whole.
  app.use('*', bodyLimit({
    maxSize: deps.config.INTAKE_MAX_BODY_BYTES,
    onError: () => {
      throw new AppError('payload_too_large', `The body is larger than ${deps.config.INTAKE_MAX_BODY_BYTES} bytes.`);
    },
  }));

  // Shared by the API login and the login form, so both count the same failures.
  const staffLogins = createLoginThrottle();
  const receiptThrottle = createReceiptThrottle(deps.config);
  const api = new Hono();
  api.route('/', directoryRoutes(deps));
  api.route('/', intakeRoutes(deps));
  api.route('/staff', staffAuthRoutes(deps, staffLogins));
  api.route('/staff/cases', caseRoutes(deps));
  api.route('/staff', identityRoutes(deps));
  api.route('/followup', followupRoutes(deps, receiptThrottle));
  api.route('/staff/overview', overviewRoutes(deps));
  api.route('/admin', adminRoutes(deps));
  api.get('/health', (c) => c.json({ ok: true }));
  api.notFound((c) => c.json(errorBody('not_found', `No such endpoint: ${c.req.method} ${c.req.path}`), 404));
  app.route('/api/v1', api);
  app.route('/staff', staffLoginPages(deps, staffLogins));
  app.route('/staff', handoverPages(deps));
  app.route('/staff', staffPages(deps));
  app.route('/', webRoutes(deps));

  app.notFound((c) => c.json(errorBody('not_found', `Not found: ${c.req.path}`), 404));
  app.onError((err, c) => handleError(err, c, deps.log));
  return app;
}

export type App = ReturnType<typeof createApp>;
