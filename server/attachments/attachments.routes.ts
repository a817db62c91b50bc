/** GET /api/v1/staff/cases/:caseNumber/attachments/:id — a download for the case's departments. */
import { Hono } from 'hono';
import { caseNumberSchema } from '../cases/cases.schema.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { requireStaff, type StaffEnv } from '../staff/auth.middleware.js';
import { downloadAttachment } from './download.service.js';

const ID = /^[A-Za-z0-9_-]{10,64}$/;

export function attachmentRoutes(deps: Deps) {
  const app = new Hono<StaffEnv>();
  app.get('/:caseNumber/attachments/:id', requireStaff(deps), async (c) => {
    const caseNumber = c.req.param('caseNumber');
    const id = c.req.param('id');
    // A malformed number or id cannot name anything the caller may see.
    if (!caseNumberSchema.safeParse(caseNumber).success || !ID.test(id)) throw new AppError('not_found', 'No such attachment.');
    const file = await downloadAttachment(deps, c.get('actor'), caseNumber, id);
    return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': file.type,
      'Content-Disposition': file.disposition,
      // Saved, never rendered in the workspace's origin, whatever a browser thinks the bytes are.
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    });
  });
  return app;
}
