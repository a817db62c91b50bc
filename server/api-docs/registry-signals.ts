/** Quality signals (docs/signals.md): the risk desk's list and its decision on one signal. */
import { signalDecisionSchema, signalIdSchema, signalListQuerySchema, SIGNAL_STATUSES, SIGNAL_TYPES } from '../signals/signals.schema.js';
import type { Operation } from './operation.js';
import { arr, int, nullable, obj, str, time } from './schema.js';

const RISK_DESK = 'The risk desk only: intake centre accounts, and handlers and supervisors of the intake centre or the provincial market regulator; other staff get 403.';

const signal = obj({
  id: str('24 hex digits'),
  type: str('business: one credit code; product: one GTIN, or brand and model; spike: a category × city week', { enum: [...SIGNAL_TYPES] }),
  key: str('the credit code, the GTIN (13 digits, or 14 with a packaging indicator), brand|model in lower case, or category@city'),
  count: int('cases linked, merged duplicates taken out'),
  windowDays: int('the window the cases were counted in (7 for a spike week)'),
  windowStart: str('Beijing date', { format: 'date' }),
  windowEnd: str('Beijing date: cases of the key arriving until then join the signal', { format: 'date' }),
  cases: arr(str(), 'case numbers, in order of receipt'),
  status: str(undefined, { enum: [...SIGNAL_STATUSES] }),
  reason: nullable(str()),
  raisedAt: time('when the case that raised it was received'),
  decidedBy: nullable(str('username')),
  decidedAt: nullable(time()),
}, 'A quality signal and the cases it links.');

export const signalOperations: Operation[] = [
  { method: 'get', path: '/api/v1/staff/signals', tag: 'cases', auth: 'staff', roles: ['intake', 'handler', 'supervisor'],
    summary: 'Quality signals', description: `The newest 200 signals, of one status or all. ${RISK_DESK}`, query: signalListQuerySchema,
    success: { status: 200, description: 'The signals.', schema: obj({ items: arr(signal) }) } },
  { method: 'post', path: '/api/v1/staff/signals/{id}', tag: 'cases', auth: 'staff', roles: ['intake', 'handler', 'supervisor'],
    summary: 'Acknowledge or dismiss a signal',
    description: `A dismissal needs a reason (400 without). A signal already decided is a 409. Audited. ${RISK_DESK}`,
    pathParams: { id: signalIdSchema }, body: signalDecisionSchema,
    success: { status: 200, description: 'The signal as decided.', schema: signal }, errors: ['conflict'] },
];
