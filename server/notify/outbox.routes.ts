/**
 * /api/v1/admin/outbox: the mail queue for admins — what is queued, sent or failed, with attempts
 * and the last error — and retrying a failed mail. Recipients show as a department code or as
 * 'reporter' only: a reporter's address is never stored, and their mail's content is not shown.
 */
import { Hono } from 'hono';
import type { Deps } from '../deps.js';
import { pathParam } from '../lib/params.js';
import { requireCsrf, requireStaff, type StaffEnv } from '../staff/auth.middleware.js';
import { listOutbox, retryOutbox } from './outbox-admin.service.js';
import { outboxIdSchema, outboxQuerySchema } from './outbox.schema.js';

const idParam = (value: string): string => pathParam(outboxIdSchema, value, 'outbox row');

export function outboxRoutes(deps: Deps) {
  const app = new Hono<StaffEnv>();
  app.get('/', requireStaff(deps, 'admin'), async (c) => {
    const query = outboxQuerySchema.parse(c.req.query());
    return c.json(await listOutbox(deps, query), 200, { 'Cache-Control': 'no-store' });
  });
  app.post('/:id/retry', requireStaff(deps, 'admin'), requireCsrf, async (c) => {
    const id = idParam(c.req.param('id'));
    await retryOutbox(deps, c.get('actor'), id);
    return c.json({ id, status: 'queued' }, 200, { 'Cache-Control': 'no-store' });
  });
  return app;
}
