/**
 * `npm run build [-- --outdir DIR]`: the Node server as one JavaScript file, <outdir>/server.mjs
 * (default dist/), and the submission and store threads' own bundles (<outdir>/submit-thread.mjs,
 * <outdir>/store-thread.mjs), with the
 * migrations and directory data beside them (<outdir>/migrations and <outdir>/data: the paths db/
 * reads relative to its module). Run as plain JavaScript, the server
 * starts faster and takes less memory than through the TypeScript loader, which
 * `npm run dev` still uses. Tests and the benchmark build into a folder of their own.
 */
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({ options: { outdir: { type: 'string' } } });
const outdir = resolve(root, values.outdir ?? 'dist');
rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
await build({
  absWorkingDir: root,
  // The submission and store threads (server/node/submit-thread.ts, store-thread.ts) load bundles of
  // their own, of only what they run.
  entryPoints: { server: 'server/node.ts', 'submit-thread': 'server/node/submit-thread.ts', 'store-thread': 'server/node/store-thread.ts' },
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  // The native driver and the mailer load from node_modules; the rest is bundled (chinese-days
  // imports JSON in a way Node's own loader refuses).
  external: ['better-sqlite3', 'nodemailer'],
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  platform: 'node',
  target: 'node20',
  format: 'esm',
  jsx: 'automatic',
  jsxImportSource: 'hono/jsx',
  sourcemap: 'linked',
  logLevel: 'warning',
});
cpSync(`${root}db/migrations`, `${outdir}/migrations`, { recursive: true });
cpSync(`${root}db/seed/data`, `${outdir}/data`, { recursive: true });
