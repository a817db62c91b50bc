/** GET /api/docs: the API reference page, rendered on the server from the OpenAPI document. */
import { Hono } from 'hono';
import { openApiDocument } from '../../server/api-docs/openapi.js';
import { resolveLang, switchHref } from '../lang.js';
import { renderPage } from '../render.js';
import { ApiDocsPage } from './page.js';
import { docsText } from './text.js';

export function apiDocsPages() {
  const app = new Hono();
  app.get('/', (c) => {
    const { lang, t } = resolveLang(c);
    return renderPage(c, <ApiDocsPage doc={openApiDocument()} t={t} text={docsText[lang]} switchHref={switchHref(c, lang)} />);
  });
  return app;
}
