/**
 * Staff endpoints that reach a reporter's identity (docs/protection.md), mounted at /api/v1/staff:
 * opening a complainant's contact, and the disclosure requests of sealed identities.
 */
import { Hono } from 'hono';
import type { Deps } from '../deps.js';
import { pathParam } from '../lib/params.js';
import { readJsonBody } from '../lib/body.js';
import { caseNumberParam } from '../cases/cases.schema.js';
import { requireCsrf, requireStaff, type StaffEnv } from '../staff/auth.middleware.js';
import { openContact } from './contact.service.js';
import {
  decideDisclosure, listPendingDisclosures, requestDisclosure, viewDisclosure, type Decision,
} from './disclosure.service.js';
import { decisionSchema, disclosureRequestSchema, openContactSchema, requestIdSchema } from './identity.schema.js';

// Identity never belongs in a cache, a proxy's or the browser's.
const NO_STORE = { 'Cache-Control': 'no-store' };

const requestIdParam = (value: string): string => pathParam(requestIdSchema, value, 'disclosure request');

export function identityRoutes(deps: Deps) {
  const app = new Hono<StaffEnv>();
  const leadStaff = requireStaff(deps, 'handler', 'supervisor');
  const custodian = requireStaff(deps, 'custodian');

  app.post('/cases/:caseNumber/identity/open', leadStaff, requireCsrf, async (c) => {
    const { reason } = openContactSchema.parse(await readJsonBody(c.req.raw));
    return c.json(await openContact(deps, c.get('actor'), caseNumberParam(c.req.param('caseNumber')), reason), 200, NO_STORE);
  });

  app.post('/cases/:caseNumber/disclosure-requests', leadStaff, requireCsrf, async (c) => {
    const { legalReason } = disclosureRequestSchema.parse(await readJsonBody(c.req.raw));
    return c.json(await requestDisclosure(deps, c.get('actor'), caseNumberParam(c.req.param('caseNumber')), legalReason), 201, NO_STORE);
  });

  app.get('/disclosure-requests', custodian, async (c) => c.json(await listPendingDisclosures(deps, c.get('actor')), 200, NO_STORE));

  for (const decision of ['approve', 'deny'] as const satisfies readonly Decision[]) {
    app.post(`/disclosure-requests/:id/${decision}`, custodian, requireCsrf, async (c) => {
      const { note } = decisionSchema.parse(await readJsonBody(c.req.raw));
      return c.json(await decideDisclosure(deps, c.get('actor'), requestIdParam(c.req.param('id')), decision, note), 200, NO_STORE);
    });
  }

  app.post('/disclosure-requests/:id/view', leadStaff, requireCsrf, async (c) =>
    c.json(await viewDisclosure(deps, c.get('actor'), requestIdParam(c.req.param('id'))), 200, NO_STORE));

  return app;
}
