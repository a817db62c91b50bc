/** Every /api/v1 operation the description lists; a test checks it against the app's routes both ways. */
import type { Operation } from './operation.js';
import { adminOperations } from './registry-admin.js';
import { enterpriseOperations } from './registry-enterprises.js';
import { publicOperations } from './registry-public.js';
import { reportOperations } from './registry-reports.js';
import { satisfactionOperations } from './registry-satisfaction.js';
import { signalOperations } from './registry-signals.js';
import { staffOperations } from './registry-staff.js';
import { statsOperations } from './registry-stats.js';

export const operations: readonly Operation[] = [...publicOperations, ...staffOperations, ...satisfactionOperations, ...signalOperations, ...adminOperations, ...enterpriseOperations, ...statsOperations, ...reportOperations];

/** `get /api/v1/staff/cases/{caseNumber}` → its anchor on /api/docs and its operationId. */
export function operationId(op: Pick<Operation, 'method' | 'path'>): string {
  const words = op.path.replace(/^\/api\/v1\/?/, '').split('/').filter(Boolean)
    .map((part) => part.replace(/^\{(.+)\}$/, 'by-$1').replace(/[^A-Za-z0-9]+/g, '-'));
  return [op.method, ...words].join('-');
}
