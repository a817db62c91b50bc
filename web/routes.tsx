/** Public pages: home, the intake form and its confirmation (intake/routes.tsx), static assets. */
import { Hono } from 'hono';
import { createUploadGate } from '../server/attachments/limits.js';
import type { Deps } from '../server/deps.js';
import { intakePages } from './intake/routes.js';
import { resolveLang, switchHref } from './lang.js';
import { publicErrors } from './pages/error.js';
import { HomePage } from './pages/home.js';
import { renderPage } from './render.js';
import { staticRoutes } from './static/routes.js';

export function webRoutes(deps: Deps, uploadGate = createUploadGate(deps.config.INTAKE_MAX_UPLOADS_IN_FLIGHT)) {
  const app = new Hono();
  app.route('/', staticRoutes());

  app.get('/', (c) => {
    const { t } = resolveLang(c);
    return renderPage(c, <HomePage t={t} switchHref={switchHref(c, t.switchLang)} />);
  });

  // The form, its post and its confirmation page (web/intake/routes.tsx).
  app.route('/', intakePages(deps, uploadGate));

  app.onError(publicErrors(deps));
  return app;
}
