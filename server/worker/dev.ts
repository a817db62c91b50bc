/**
 * Development only (NODE_ENV=development: `npm run dev:worker`'s .dev.vars, the journey suite):
 * the demo staff accounts, created on the first request as the Node server creates them at its
 * first start. A production Worker never runs this, and seedDemoStaff refuses production anyway.
 */
import type { Deps } from '../deps.js';
import { seedDemoStaff } from '../staff/demo.js';

/** Runs the demo seeding once per isolate; a failed attempt is tried again on the next request. */
export function demoStaffOnce(deps: Deps): () => Promise<void> {
  let pending: Promise<void> | null = null;
  return () => {
    pending ??= seedDemoStaff(deps).then(
      (notes) => { if (notes.length > 0) deps.log('development: demo staff accounts are ready (see README)'); },
      (err: unknown) => { pending = null; throw err; },
    );
    return pending;
  };
}
