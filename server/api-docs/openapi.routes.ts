/** GET /api/v1/openapi.json: the OpenAPI 3.1 description of /api/v1. */
import { Hono } from 'hono';
import { openApiDocument } from './openapi.js';

export function openApiRoutes() {
  const app = new Hono();
  app.get('/openapi.json', (c) => c.json(openApiDocument(), 200, { 'Cache-Control': 'public, max-age=300' }));
  return app;
}
