/**
 * `npm run deploy`: the real deployment to Cloudflare — remote D1 migrations, the directory and
 * calendars when missing, then `wrangler deploy`. While wrangler.toml still holds the placeholder
 * database id it only prints the one-time setup and stops, touching nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareD1 } from './d1.js';
import { ROOT, runWrangler } from './wrangler.js';

const PLACEHOLDER_ID = '00000000-0000-0000-0000-000000000000';

const SETUP = `One-time setup (then run npm run deploy again):
  npx wrangler login                                   # or CLOUDFLARE_API_TOKEN with Workers, D1 and R2 edit rights
  npx wrangler d1 create quality-intake                # put the printed database_id into wrangler.toml
  npx wrangler r2 bucket create quality-intake-attachments
  node -e "console.log(crypto.randomBytes(32).toString('base64'))" | npx wrangler secret put INTAKE_MASTER_KEY
                                                       # keep a copy offline: without it no identity can be read
  set PUBLIC_URL in wrangler.toml [vars]; for mail either MAIL_API_URL (+ wrangler secret put MAIL_API_KEY)
  or Cloudflare Email for the SMTP_FROM domain (send_email binding MAIL)
  after the first deploy: the first admin (production creates no demo accounts), who then adds the others
  through /api/v1/admin/users:
  npm run seed:worker -- --remote --admin ADMIN_NAME --password-stdin`;

async function main(): Promise<number> {
  const toml = readFileSync(join(ROOT, 'wrangler.toml'), 'utf8');
  if (toml.includes(PLACEHOLDER_ID)) {
    console.log(`wrangler.toml still has the placeholder database_id: nothing was deployed.\n\n${SETUP}`);
    return 1;
  }
  const remote = { remote: true };
  for (const line of await prepareD1(remote)) console.log(`D1: ${line}`);
  console.log(await runWrangler(['deploy'], remote));
  return 0;
}

main().then((code) => process.exit(code), (err: unknown) => {
  console.error(`deploy: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
