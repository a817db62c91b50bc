/**
 * `npm run dev:worker`: the Worker on this machine, ready for the same API calls as `npm start`.
 * Applies db/migrations to the local D1, loads the directory and calendars when missing, then runs
 * `wrangler dev --local` on 127.0.0.1:PORT (default 8788). The first run writes .dev.vars with a
 * development master key and NODE_ENV=development (demo staff accounts, as on Node).
 *
 *   npm run dev:worker [-- --persist-to DIR] [-- --env-file FILE] [-- any other wrangler dev flag]
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { newMasterKeyBytes } from '../server/identity/keys.js';
import { toBase64 } from '../server/lib/encoding.js';
import { prepareD1 } from './d1.js';
import { ROOT, spawnWrangler } from './wrangler.js';

const DEFAULT_PORT = 8788;

function devVarsNote(envFile: string | undefined): string | null {
  if (envFile) return null;
  const file = join(ROOT, '.dev.vars');
  if (existsSync(file)) return null;
  writeFileSync(file, [
    '# Local settings and secrets for `wrangler dev` (gitignored). Production: `wrangler secret put`.',
    'NODE_ENV=development',
    `INTAKE_MASTER_KEY=${toBase64(newMasterKeyBytes())}`,
    '',
  ].join('\n'), { mode: 0o600 });
  return `WARNING: wrote ${file} with a generated development master key; never use it in production.`;
}

/** The arguments for wrangler dev: all but --persist-to and --env-file, which this script places itself. */
function withoutOwnOptions(args: string[]): string[] {
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--persist-to' || arg === '--env-file') i++;
    else if (!arg.startsWith('--persist-to=') && !arg.startsWith('--env-file=')) rest.push(arg);
  }
  return rest;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const { values } = parseArgs({ args, options: { 'persist-to': { type: 'string' }, 'env-file': { type: 'string' } }, strict: false });
  const persistTo = typeof values['persist-to'] === 'string' ? values['persist-to'] : join(ROOT, '.wrangler', 'state');
  const envFile = typeof values['env-file'] === 'string' ? values['env-file'] : undefined;
  const passThrough = withoutOwnOptions(args);
  const port = Number(process.env.PORT ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`PORT=${process.env.PORT} is not a port`);

  const note = devVarsNote(envFile);
  if (note) console.log(note);
  console.log(`Preparing the local D1 in ${persistTo} …`);
  for (const line of await prepareD1({ persistTo })) console.log(`  ${line}`);

  const publicUrl = process.env.PUBLIC_URL ?? `http://127.0.0.1:${port}`;
  const child = spawnWrangler([
    'dev', '--local', '--ip', '127.0.0.1', '--port', String(port), '--persist-to', persistTo,
    '--show-interactive-dev-session=false', '--var', `PUBLIC_URL:${publicUrl}`,
    ...(envFile ? ['--env-file', envFile] : []),
    ...passThrough,
  ], { stdio: 'inherit' });
  console.log(`Starting the Worker: ${publicUrl}/ (API ${publicUrl}/api/v1/categories)`);
  const stop = (signal: NodeJS.Signals) => { child.kill(signal); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return new Promise((done) => child.on('close', (code) => done(code ?? 1)));
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`dev:worker: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
