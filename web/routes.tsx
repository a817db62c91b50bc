/** Public pages (placeholder until the intake pages land). */
import { Hono } from 'hono';
import type { Deps } from '../server/deps.js';

export function webRoutes(_deps: Deps) {
  const app = new Hono();
  app.get('/', (c) => c.html('<!doctype html><title>Intake</title><p>Quality complaint and report intake</p>'));
  return app;
}
