/**
 * Running the project's pinned wrangler (devDependency) from scripts and tests: local by default,
 * without telemetry, error reports, the update check or the Request.cf download, so that a local
 * run needs no network and no Cloudflare account.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const WRANGLER_BIN = fileURLToPath(new URL('../node_modules/wrangler/bin/wrangler.js', import.meta.url));
/** The D1 binding in wrangler.toml. */
export const D1_BINDING = 'DB';

/** The environment for a wrangler child; `remote` keeps the Cloudflare credentials a deployment needs. */
export function wranglerEnv(options: { remote?: boolean } = {}, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...base,
    WRANGLER_SEND_METRICS: 'false',
    WRANGLER_SEND_ERROR_REPORTS: 'false',
    // The banner's update check asks the npm registry; the Request.cf object comes from workers.cloudflare.com.
    WRANGLER_HIDE_BANNER: 'true',
    CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  };
  if (!options.remote) {
    for (const name of ['CLOUDFLARE_API_TOKEN', 'CLOUDFLARE_API_KEY', 'CLOUDFLARE_EMAIL', 'CLOUDFLARE_ACCOUNT_ID']) delete env[name];
  }
  return env;
}

/** Starts wrangler with the given arguments (from the project root). */
export function spawnWrangler(args: string[], options: SpawnOptions & { remote?: boolean } = {}): ChildProcess {
  const { remote, ...spawnOptions } = options;
  return spawn(process.execPath, [WRANGLER_BIN, ...args], { cwd: ROOT, env: wranglerEnv({ remote }), ...spawnOptions });
}

/** Runs wrangler to completion; resolves with its output, rejects with it when it fails. */
export function runWrangler(args: string[], options: { remote?: boolean } = {}): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawnWrangler(args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.stderr!.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.on('error', fail);
    child.on('close', (code) => {
      if (code === 0) done(output);
      else fail(new Error(`wrangler ${args.join(' ')} exited with ${code}:\n${output}`));
    });
  });
}

/** `--local [--persist-to DIR]` or `--remote`: where a d1 command acts. */
export function d1Target(target: { remote?: boolean; persistTo?: string }): string[] {
  if (target.remote) return ['--remote'];
  return ['--local', ...(target.persistTo ? ['--persist-to', target.persistTo] : [])];
}
