/**
 * `npm run seed:worker -- [--remote] [--persist-to DIR] [--force] [--admin NAME --password-stdin]`:
 * applies db/migrations to D1 and loads the directory and calendars when missing (--force:
 * re-import both; the directory import is an upsert); --admin also creates the first admin account
 * with the password read from stdin. Local by default; --remote acts on the deployed database
 * (needs `wrangler login`).
 */
import { text } from 'node:stream/consumers';
import { parseArgs } from 'node:util';
import { WORKERS_PBKDF2_LIMIT } from '../server/worker/runtime.js';
import { addFirstAdmin, prepareD1 } from './d1.js';

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      remote: { type: 'boolean' }, 'persist-to': { type: 'string' }, force: { type: 'boolean' },
      admin: { type: 'string' }, 'password-stdin': { type: 'boolean' },
    },
  });
  if (values.remote && values['persist-to']) throw new Error('--persist-to is for the local database only');
  if (values.admin && !values['password-stdin']) throw new Error('--admin needs --password-stdin (a password never goes on a command line)');
  const target = { remote: values.remote ?? false, ...(values['persist-to'] ? { persistTo: values['persist-to'] } : {}) };
  console.log(`D1 (${target.remote ? 'remote' : 'local'}):`);
  for (const line of await prepareD1(target, { force: values.force ?? false })) console.log(`  ${line}`);
  if (values.admin) {
    const password = (await text(process.stdin)).replace(/\r?\n$/, '');
    await addFirstAdmin(target, { username: values.admin, password }, WORKERS_PBKDF2_LIMIT);
    console.log(`  admin account ${values.admin} created`);
  }
}

main().catch((err: unknown) => {
  console.error(`seed:worker: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
